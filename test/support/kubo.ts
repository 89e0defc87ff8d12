// A real Kubo daemon for tests: a fresh repo (`ipfs init --profile test`) in a temp IPFS_PATH,
// random API / gateway / swarm ports, `ipfs daemon --offline`, ready once its RPC API answers.
// The binary comes from `peer('kubo')` (node scripts/peers.mjs kubo).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningKubo {
  /** The RPC API, e.g. http://127.0.0.1:45123 (give it to openContentStore({ ipfsApi })). */
  apiUrl: string;
  /** The daemon's IPFS_PATH. */
  ipfsPath: string;
  process: ChildProcess;
  logs: () => string;
  /** Runs the `ipfs` CLI against this daemon (`ipfs add -Q FILE`, ...); resolves with stdout. */
  ipfs(args: string[], input?: Uint8Array): Promise<string>;
  /** SIGKILL the daemon, wait for it, remove its repo. */
  stop(): Promise<void>;
}

export interface StartKuboOptions {
  /** Path of the `ipfs` binary (from peer('kubo')). */
  bin: string;
  /** Start online instead of `--offline` (a missing CID then hangs until the caller's timeout). */
  online?: boolean;
  timeoutMs?: number;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv, input?: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ipfs ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
    if (input) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

export async function startKubo(o: StartKuboOptions): Promise<RunningKubo> {
  const ipfsPath = mkdtempSync(join(tmpdir(), 'dinfra-kubo-'));
  const env = { ...process.env, IPFS_PATH: ipfsPath };
  const ipfs = (args: string[], input?: Uint8Array) => run(o.bin, args, env, input);
  await ipfs(['init', '--profile', 'test']);
  // Port 0 everywhere: the kernel picks free ports (the daemon prints the API's).
  await ipfs(['config', 'Addresses.API', '/ip4/127.0.0.1/tcp/0']);
  await ipfs(['config', 'Addresses.Gateway', '/ip4/127.0.0.1/tcp/0']);
  await ipfs(['config', '--json', 'Addresses.Swarm', '["/ip4/127.0.0.1/tcp/0"]']);
  const child = spawn(o.bin, ['daemon', ...(o.online ? [] : ['--offline'])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(ipfsPath, { recursive: true, force: true });
  };
  const timeoutMs = o.timeoutMs ?? 60_000;
  const started = Date.now();
  const API = /RPC API server listening on \/ip4\/([\d.]+)\/tcp\/(\d+)/;
  while (!API.test(out) || !/Daemon is ready/.test(out)) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`ipfs daemon exited (${child.exitCode}):\n${out}`);
    }
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`ipfs daemon did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const [, host, port] = API.exec(out)!;
  const apiUrl = `http://${host}:${port}`;
  // The API answers (a POST, as Kubo's RPC requires).
  const res = await fetch(`${apiUrl}/api/v0/version`, { method: 'POST' });
  if (!res.ok) {
    await stop();
    throw new Error(`ipfs daemon API at ${apiUrl} answered ${res.status}`);
  }
  return { apiUrl, ipfsPath, process: child, logs: () => out, ipfs, stop };
}
