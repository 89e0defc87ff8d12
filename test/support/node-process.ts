import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NODE_BIN = fileURLToPath(new URL('../../packages/node/bin/dinfra-node.mjs', import.meta.url));

export interface RunningNode {
  process: ChildProcess;
  wsUrl: string;
  httpUrl: string;
  rpcPort: number;
  metricsUrl?: string;
  peerAddr?: string;
  logs: () => string;
  /** SIGKILL, then wait for exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export const tempBasePath = (): string => mkdtempSync(join(tmpdir(), 'dinfra-test-'));

/** Starts `dinfra-node` with `args` (ports default to random) and waits until its RPC is up. */
export async function startNode(args: string[] = ['--dev'], timeoutMs = 60_000): Promise<RunningNode> {
  const withPorts = [...args];
  if (!withPorts.includes('--rpc-port')) withPorts.push('--rpc-port', '0');
  if (!withPorts.includes('--prometheus-port')) withPorts.push('--prometheus-port', '0');
  if (!withPorts.includes('--listen-addr')) withPorts.push('--listen-addr', '/ip4/127.0.0.1/tcp/0/ws');
  const child = spawn(process.execPath, [NODE_BIN, ...withPorts], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (d: Buffer) => (out += d.toString());
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  while (!/Running JSON-RPC server: addr=[^:]+:(\d+)/.test(out)) {
    if (child.exitCode !== null) throw new Error(`dinfra-node exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`dinfra-node did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // The Prometheus exporter starts right after the RPC server: wait for its line too.
  while (!withPorts.includes('--no-prometheus') && !/Prometheus exporter started at/.test(out)) {
    if (child.exitCode !== null) throw new Error(`dinfra-node exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > timeoutMs) throw new Error(`dinfra-node did not start Prometheus within ${timeoutMs} ms:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const rpcPort = Number(/Running JSON-RPC server: addr=[^:]+:(\d+)/.exec(out)![1]);
  const prom = /Prometheus exporter started at ([^\s]+)/.exec(out)?.[1];
  const peer = /Listening for peers on (\S+)/.exec(out)?.[1];
  return {
    process: child,
    rpcPort,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    httpUrl: `http://127.0.0.1:${rpcPort}`,
    metricsUrl: prom ? `http://${prom}/metrics` : undefined,
    peerAddr: peer,
    logs: () => out,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** One JSON-RPC call over HTTP. */
export async function rpc<T = unknown>(node: { httpUrl: string }, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(node.httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string; data?: unknown } };
  if (body.error) throw Object.assign(new Error(body.error.message), body.error);
  return body.result as T;
}
