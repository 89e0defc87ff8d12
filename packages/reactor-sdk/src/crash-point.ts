/**
 * Crash points for the kill -9 tests: when `DINFRA_REACTOR_CRASH_AT` names this point, the
 * process SIGKILLs itself right there (as a power cut would). Unset in production: a no-op.
 */
export type CrashPointName =
  | 'after-provisioning-report'
  | 'after-pending-create'
  | 'after-local-record'
  | 'after-spawn'
  | 'after-create'
  | 'after-running-report';

export function crashPoint(name: CrashPointName): void {
  if (process.env.DINFRA_REACTOR_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
