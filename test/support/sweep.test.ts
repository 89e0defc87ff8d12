/** The process sweep (test/support/sweep*.ts): a process a test leaves running is found by its marker and killed; others are not. */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_MARKER, markedProcesses, RUN_MARKER, sweepMarked } from './sweep.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const started: number[] = [];
const start = (env: NodeJS.ProcessEnv) => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { env, stdio: 'ignore' });
  started.push(child.pid!);
  return { pid: child.pid!, exited: new Promise<void>((r) => child.once('exit', () => r())) };
};
afterAll(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('process sweep', () => {
  it('the run and the file are marked in the environment children inherit', () => {
    expect(process.env[RUN_MARKER]).toMatch(/^[0-9a-f-]{36}$/);
    expect(process.env[FILE_MARKER]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('kills a child left running, by the file marker, and leaves an unmarked one alone', async () => {
    const left = start(process.env);
    const other = start({ PATH: process.env.PATH });
    await new Promise((r) => setTimeout(r, 300));
    const marked = markedProcesses(FILE_MARKER, process.env[FILE_MARKER]!);
    expect(marked).toContain(left.pid);
    expect(marked).not.toContain(other.pid);
    expect(marked).not.toContain(process.pid);
    expect(sweepMarked(FILE_MARKER, process.env[FILE_MARKER]).map((k) => Number(k.split(' ')[0]))).toContain(left.pid);
    await left.exited;
    expect(alive(left.pid)).toBe(false);
    expect(alive(other.pid)).toBe(true);
  });
});
