// `npm start`'s launcher (scripts/stack/main.ts) as a child process of the test, the way a
// user starts it: a temp state dir, every port 0, a short block time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.ts';

export interface RunningStack {
  readonly process: ChildProcess;
  readonly stateDir: string;
  readonly ipfsRepo: string;
  readonly wsUrl: string;
  readonly ogateUrl: string;
  readonly reactorUrl: string;
  readonly monitorUrl: string;
  /** Everything the launcher printed (its children's lines are prefixed with their names). */
  output(): string;
  /** Ctrl-C: SIGINT, then resolves with the launcher's exit code (SIGKILL after `graceMs`). */
  interrupt(graceMs?: number): Promise<number | null>;
}

export interface StackPorts {
  readonly rpc: number;
  readonly prometheus: number;
  readonly p2p: number;
  readonly ogate: number;
  readonly reactor: number;
  readonly monitor?: number;
}

/** Starts the launcher; `stateDir` and `ports` (default: a new temp dir, all ports 0) let a test restart the same stack. */
export async function startStack(o: { blockTimeMs: number; readyTimeoutMs?: number; stateDir?: string; ports?: StackPorts; runtime?: 'ts' | 'wasm' }): Promise<RunningStack> {
  const stateDir = o.stateDir ?? mkdtempSync(join(tmpdir(), 'dinfra-e2e-'));
  // A wasm stack keeps its state one level down (scripts/stack/main.ts).
  const dataDir = o.runtime === 'wasm' ? join(stateDir, 'wasm') : stateDir;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DINFRA_')));
  const args = ['--import', 'tsx', join(ROOT, 'scripts/stack/main.ts'), '--state-dir', stateDir, '--block-time', String(o.blockTimeMs), '--runtime', o.runtime ?? 'ts'];
  for (const port of ['rpc', 'prometheus', 'p2p', 'ogate', 'reactor', 'monitor'] as const) args.push(`--${port}-port`, String(o.ports?.[port] ?? 0));
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  const limit = o.readyTimeoutMs ?? 180_000;
  while (!/DINFRA marketplace is running/.test(out)) {
    if (child.exitCode !== null) throw new Error(`the stack exited (${child.exitCode}) before it was ready:\n${out.slice(-4000)}`);
    if (Date.now() - started > limit) {
      child.kill('SIGINT');
      throw new Error(`the stack was not ready within ${limit / 1000} s:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const grab = (re: RegExp, what: string): string => {
    const m = re.exec(out);
    if (!m) throw new Error(`the stack did not print ${what}:\n${out.slice(-4000)}`);
    return m[1]!;
  };
  return {
    process: child,
    stateDir,
    ipfsRepo: join(dataDir, 'ipfs'),
    wsUrl: grab(/stack +\| chain up at (ws:\/\/\S+)/, 'the chain URL'),
    ogateUrl: grab(/OGate listening on (http:\/\/[^\s"]+)/, "OGate's URL"),
    reactorUrl: grab(/reactor listening on (http:\/\/[^\s"]+)/, "the reactor's URL"),
    monitorUrl: grab(/monitor listening on (http:\/\/[^\s"]+)/, "the monitor's URL"),
    output: () => out,
    async interrupt(graceMs = 60_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
