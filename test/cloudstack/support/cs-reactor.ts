/** `dinfra-reactor --backend cloudstack` as a real process (kill -9 tests), and a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { tempDir } from '../../support/ogate.ts';
import { REACTOR_BIN, until, type Market } from '../../reactor/support.ts';

/** A chains file giving the built-in `dinfra` chain a public URL: a cloud reactor refuses OGate's loopback --url. */
export function publicChainsFile(): string {
  const file = join(tempDir('dinfra-chains-'), 'chains.yaml');
  writeFileSync(file, 'chains:\n  dinfra:\n    public: { rpcUrl: "wss://dinfra.example.org" }\n');
  return file;
}

export interface CsReactor {
  readonly child: ChildProcess;
  out(): string;
  kill(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the reactor on the emulator's user account and waits for its listening line. */
export async function startCsReactor(m: Market, dataDir: string, configFile: string): Promise<CsReactor> {
  const child = spawn(process.execPath, [REACTOR_BIN, '--ogate', m.og.url, '--token', m.token, '--data-dir', dataDir, '--listen', '127.0.0.1:0', '--config', configFile, '--backend', 'cloudstack', '--chains', publicChainsFile()], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLOUDSTACK_API_KEY: 'dinfra-api-key', CLOUDSTACK_SECRET_KEY: 'dinfra-secret-key' },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await until('reactor listening', () => {
    if (child.exitCode !== null) throw new Error(`dinfra-reactor exited (${child.exitCode}):\n${out}`);
    return /reactor listening on/.test(out);
  }, 60_000);
  return {
    child,
    out: () => out,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The last warnings and errors of a reactor's pino log (for a failing wait). */
export const warnings = (r: CsReactor | undefined): string => (r?.out() ?? '').split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(-20).join('\n');
