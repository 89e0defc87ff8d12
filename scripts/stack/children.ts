// Child processes of the stack: logs prefixed with the child's name, readiness by a log line,
// stop with SIGTERM then SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const COLORS = [36, 33, 35, 32, 34, 31];
let nextColor = 0;

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the first match of `pattern` in the child's output. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Print the child's lines (default true). */
  readonly echo?: boolean;
}

export function startChild(opts: StartOptions): Child {
  const color = COLORS[nextColor++ % COLORS.length];
  const prefix = process.stdout.isTTY ? `\x1b[${color}m${opts.name.padEnd(8)}|\x1b[0m ` : `${opts.name.padEnd(8)}| `;
  const child = spawn(opts.command, [...opts.args], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const waiters: { pattern: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  const seen: string[] = [];
  const onLine = (line: string) => {
    if (opts.echo !== false) process.stdout.write(prefix + line + '\n');
    seen.push(line);
    if (seen.length > 500) seen.shift();
    for (const w of [...waiters]) {
      const m = w.pattern.exec(line);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name: opts.name,
    process: child,
    waitFor(pattern, timeoutMs) {
      for (const line of seen) {
        const m = pattern.exec(line);
        if (m) return Promise.resolve(m);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${opts.name}: no line matching ${pattern} within ${timeoutMs / 1000} s`)), timeoutMs);
        const waiter = { pattern, resolve: (m: RegExpExecArray) => (clearTimeout(timer), resolve(m)) };
        waiters.push(waiter);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`${opts.name} exited (code ${code}) before printing ${pattern}:\n${seen.slice(-20).join('\n')}`));
        });
      });
    },
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion; resolves with its stdout, rejects with its output on failure. */
export function run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${err || out}`))));
  });
}
