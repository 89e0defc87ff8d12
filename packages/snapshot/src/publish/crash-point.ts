/**
 * Crash points for the kill -9 tests of publishing: when `DINFRA_SNAPSHOT_CRASH_AT` names the
 * point, the process SIGKILLs itself there. Unset (always, outside those tests), nothing happens.
 */
export type PublishCrashPoint = 'chunk-uploaded' | 'manifest-written';

export function crashPoint(name: PublishCrashPoint): void {
  if (process.env.DINFRA_SNAPSHOT_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
