import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { waitFor } from '../support/chain-helpers.ts';

export const GATEWAY_BIN = fileURLToPath(new URL('../../packages/gateway/bin/dinfra-gateway.mjs', import.meta.url));

export interface RunningGateway {
  process: ChildProcess;
  wsUrl: string;
  httpUrl: string;
  logs: () => string;
  kill(): Promise<void>;
}

/** Runs `dinfra-gateway` with `args` (plus --listen 127.0.0.1:0) and waits for its "listening" line. */
export async function startGateway(args: string[], timeoutMs = 30_000): Promise<RunningGateway> {
  const all = args.includes('--listen') ? args : [...args, '--listen', '127.0.0.1:0'];
  const child = spawn(process.execPath, [GATEWAY_BIN, ...all], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  let m: RegExpExecArray | null;
  while (!(m = /gateway listening on (ws:\/\/\S+)/.exec(out))) {
    if (child.exitCode !== null) throw new Error(`dinfra-gateway exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`dinfra-gateway did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const wsUrl = m[1]!;
  return {
    process: child,
    wsUrl,
    httpUrl: wsUrl.replace(/^ws/, 'http'),
    logs: () => out,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs `dinfra-gateway` to completion (for usage and config errors). */
export function runGateway(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [GATEWAY_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface GatewayHealth {
  status: string;
  usable: number;
  upstreams: Array<{ name: string; url: string; usable: boolean; reasons: string[]; best?: number; probes: number }>;
}

export async function health(gw: { httpUrl: string }): Promise<{ status: number; body: GatewayHealth }> {
  const res = await fetch(`${gw.httpUrl}/health`);
  return { status: res.status, body: (await res.json()) as GatewayHealth };
}

export const waitUsable = (gw: { httpUrl: string }, n: number, timeoutMs = 30_000) =>
  waitFor(`${n} usable upstreams`, async () => (await health(gw)).body.usable === n, timeoutMs, 100);

/** An author (interval sealing) and `followers` nodes following it with --sync-from. */
export async function startCluster(followers: number, blockTimeMs = 200, authorExtra: string[] = []): Promise<RunningNode[]> {
  const author = await startNode(['--chain', 'local', '--alice', '--base-path', tempBasePath(), '--sealing', 'interval', '--block-time', String(blockTimeMs), ...authorExtra]);
  const names = ['--bob', '--charlie', '--dave', '--eve', '--ferdie'];
  const rest = await Promise.all(Array.from({ length: followers }, (_, i) => startNode(['--chain', 'local', names[i % names.length]!, '--tmp', '--sync-from', author.wsUrl])));
  return [author, ...rest];
}

/** The metric's value summed over the lines that start with `prefix`. */
export async function metricSum(gw: { httpUrl: string }, prefix: string): Promise<number> {
  const text = await (await fetch(`${gw.httpUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/** Writes a config file in a temp dir. */
export function configFile(name: string, text: string): string {
  const path = join(tempBasePath(), name);
  writeFileSync(path, text);
  return path;
}

/** One raw JSON-RPC call over HTTP that returns the whole answer (result or error). */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
