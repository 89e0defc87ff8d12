/**
 * Processes that tests started, found by an environment marker (Linux: /proc/PID/environ) and
 * killed: a test that times out or is interrupted leaves no node, OGate or JSON-RPC stand-in
 * behind. A child inherits the marker through the environment (the helpers spread
 * `process.env`), grandchildren too.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The run's marker (set by the global setup before the workers start). */
export const RUN_MARKER = 'VITEST_DINFRA_RUN';
/** One test file's marker (set by the setup file in its worker). */
export const FILE_MARKER = 'VITEST_DINFRA_FILE';

/** The parent pid of a process (undefined when it is gone). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Pids whose initial environment holds `name=value` (this process and its ancestors never: they
 * set it later). `exceptChildren` leaves out this process's own children (the test runner's
 * workers, when the run is swept).
 */
export function markedProcesses(name: string, value: string, o: { exceptChildren?: boolean } = {}): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return []; // not Linux: nothing to sweep by
  }
  const needle = `${name}=${value}`;
  const out: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(needle)) continue;
      if (o.exceptChildren && parentOf(pid) === process.pid) continue;
      out.push(pid);
    } catch {
      // gone, or another user's process
    }
  }
  return out;
}

/** `pid (command line)`, for the warning. */
function describe(pid: number): string {
  try {
    return `${pid} (${readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 120)})`;
  } catch {
    return String(pid);
  }
}

/** SIGKILLs every process carrying the marker; returns each one killed as `pid (command line)`. */
export function sweepMarked(name: string, value: string | undefined, o: { exceptChildren?: boolean } = {}): string[] {
  if (!value) return [];
  const killed: string[] = [];
  for (const pid of markedProcesses(name, value, o)) {
    const what = describe(pid);
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(what);
    } catch {
      // already gone
    }
  }
  return killed;
}
