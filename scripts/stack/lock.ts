// One stack per state directory: `<state>/stack.pid` names the running launcher.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class StackAlreadyRunningError extends Error {
  override readonly name = 'StackAlreadyRunningError';
  constructor(readonly pid: number, stateDir: string) {
    super(`a DINFRA stack is already running from ${stateDir} (pid ${pid}); stop it with Ctrl-C in its terminal or \`kill ${pid}\``);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock or throws StackAlreadyRunningError; a lock left by a dead launcher is taken over. */
export function takeLock(stateDir: string): () => void {
  const file = join(stateDir, 'stack.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new StackAlreadyRunningError(pid, stateDir);
  }
  writeFileSync(file, String(process.pid));
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
  };
}
