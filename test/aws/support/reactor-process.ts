// dinfra-reactor as a real child process (the package's bin), with AWS credentials given the
// way production gives them: through the SDK's default chain (here the environment), and no
// shared config files or instance metadata to stumble on.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MOTO_CREDENTIALS } from './moto.ts';

export const REACTOR_BIN = fileURLToPath(new URL('../../../packages/reactor-sdk/bin/dinfra-reactor.mjs', import.meta.url));

export interface ReactorProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  logs(): string;
  /** Resolves with (code, signal) when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (a clean stop), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export async function startReactor(args: string[]): Promise<ReactorProcess> {
  const child = spawn(process.execPath, [REACTOR_BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_EC2_METADATA_DISABLED: 'true',
      NODE_NO_WARNINGS: '1',
    },
  });
  let out = '';
  const keep = (b: Buffer) => (out = (out + b.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const deadline = Date.now() + 60_000;
  while (!out.includes('reactor listening on')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`dinfra-reactor exited (${child.exitCode ?? child.signalCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`dinfra-reactor did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    pid: child.pid!,
    logs: () => out,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}
