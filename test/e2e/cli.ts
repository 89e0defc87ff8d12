// The `dinfra` CLI as its users run it: a separate process per command, --json output.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../packages/provider-cli/bin/dinfra.mjs', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `dinfra ...args` in `cwd`, with no DINFRA_* from the outer environment except `env`. */
export function dinfra(args: readonly string[], o: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DINFRA_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: o.cwd, env: { ...base, ...o.env }, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The --json document of a successful command; fails with the command's output otherwise. */
export function ok<T = Record<string, unknown>>(r: CliResult, what: string): T {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`${what}: not JSON:\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
}
