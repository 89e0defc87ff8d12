import { readdirSync, readFileSync } from 'node:fs';

/**
 * The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or
 * `undefined` when there is no such process or it is a zombie. Together with the pid it names
 * one process for ever: a reused pid has another start time.
 */
export function startTimeOf(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid ..." — comm may contain spaces and parentheses: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return fields[19];
}

/** True when `pid` is alive and is the same process that was started at `startTime`. */
export const isSameProcess = (pid: number, startTime: string): boolean => startTimeOf(pid) === startTime;

/** True when any live process is still in process group `pgid`. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A live process of this user that carries DINFRA tags in its environment. */
export interface TaggedProcess {
  readonly pid: number;
  readonly startTime: string;
  /** Process group: the local backend makes every member a group leader. */
  readonly pgid: number;
  readonly env: Readonly<Record<string, string>>;
}

/** Every live process of this user whose environment has `marker` set (one /proc scan). */
export function processesWithEnv(marker: string): TaggedProcess[] {
  const out: TaggedProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let raw: string;
    try {
      raw = readFileSync(`/proc/${entry}/environ`, 'utf8');
    } catch {
      continue; // another user's process, or gone
    }
    if (!raw.includes(`${marker}=`)) continue;
    const env: Record<string, string> = {};
    for (const kv of raw.split('\0')) {
      const eq = kv.indexOf('=');
      if (eq > 0 && kv.startsWith('DINFRA_')) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    if (env[marker] === undefined) continue;
    const pid = Number(entry);
    const startTime = startTimeOf(pid);
    if (startTime !== undefined) out.push({ pid, startTime, pgid: pgidOf(pid) ?? pid, env });
  }
  return out;
}

function pgidOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Ends process group `pgid` — only when its leader is still the process started at
 * `startTime` (never a reused pid's group): SIGTERM, then SIGKILL after `graceMs`.
 */
export async function killGroup(pgid: number, startTime: string | undefined, graceMs = 5000): Promise<void> {
  if (startTime !== undefined && !isSameProcess(pgid, startTime)) {
    // The leader is gone (or the pid was reused). Members of the group may still live: the
    // group id cannot be reused while any of them does, so the group is still ours.
    if (startTimeOf(pgid) !== undefined) return;
  }
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pgid, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const until = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < until) await sleep(50);
  if (groupAlive(pgid)) signal('SIGKILL');
  while (groupAlive(pgid)) await sleep(20);
}
