// The DINFRA FRAME runtime (frame/, built to Wasm) on Chopsticks, for tests: scripts/wasm-chain.mjs
// as a child process. Cargo and the frame/ workspace are a test peer: where either is missing
// the tests that need them are skipped with one loud line, and under CI=true that is a failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WASM_CHAIN = join(ROOT, 'scripts/wasm-chain.mjs');

/** Whether this machine can build and run the Wasm runtime; prints one loud line when not (throws under CI=true). */
export function wasmRuntimeAvailable(): boolean {
  const cargo = spawnSync(process.env.CARGO ?? 'cargo', ['--version'], { stdio: 'ignore' }).status === 0 || existsSync(join(homedir(), '.cargo/bin/cargo'));
  const runtime = existsSync(join(ROOT, 'frame/runtime/Cargo.toml')) && existsSync(join(ROOT, 'frame/chain-spec-writer/Cargo.toml'));
  if (cargo && runtime) return true;
  const line = `PEER MISSING: ${!cargo ? 'cargo (rustup, with the wasm32v1-none target)' : 'frame/runtime and frame/chain-spec-writer in this checkout'}`;
  if (process.env.CI === 'true') throw new Error(`${line} — required under CI=true`);
  console.warn(`\n!!! ${line} — tests of the Wasm runtime are SKIPPED\n`);
  return false;
}

let built: string | undefined;

/** Builds the runtime when stale (cargo; minutes when cold) and writes the dev spec; its path. Once per process. */
export function buildWasmSpec(preset: 'dev' | 'local' = 'dev'): string {
  if (built && preset === 'dev') return built;
  const r = spawnSync(process.execPath, [WASM_CHAIN, '--build-only', '--json', '--preset', preset], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 45 * 60_000 });
  if (r.status !== 0) throw new Error(`scripts/wasm-chain.mjs --build-only failed (exit ${r.status ?? r.signal})`);
  const spec = (JSON.parse(r.stdout.trim().split('\n').pop()!) as { spec: string }).spec;
  if (preset === 'dev') built = spec;
  return spec;
}

export interface WasmChain {
  process: ChildProcess;
  wsUrl: string;
  httpUrl: string;
  logs(): string;
  stop(): Promise<void>;
}

/** Starts Chopsticks on the built runtime (build first with buildWasmSpec) on a free port. */
export async function startWasmChain(o: { blockMode?: 'instant' | 'manual'; preset?: 'dev' | 'local'; timeoutMs?: number } = {}): Promise<WasmChain> {
  const args = [WASM_CHAIN, '--no-build', '--json', '--port', '0', '--block-mode', o.blockMode ?? 'instant', '--preset', o.preset ?? 'dev'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  const limit = o.timeoutMs ?? 120_000;
  let ready: { ws: string; http: string } | undefined;
  while (!ready) {
    const line = out.split('\n').find((l) => l.startsWith('{') && l.includes('"ws"'));
    if (line) ready = JSON.parse(line) as { ws: string; http: string };
    else {
      if (child.exitCode !== null) throw new Error(`wasm-chain exited (${child.exitCode}):\n${out}`);
      if (Date.now() - started > limit) {
        child.kill('SIGKILL');
        throw new Error(`wasm-chain was not ready within ${limit} ms:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    process: child,
    wsUrl: ready.ws,
    httpUrl: ready.http,
    logs: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One JSON-RPC call over HTTP. */
export async function httpRpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message} (${body.error.code})`);
  return body.result as T;
}
