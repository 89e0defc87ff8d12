// What runs on this machine, read from /proc: the processes of one stack (they inherit its
// DINFRA_STACK / DINFRA_IPFS_REPO environment, deployed nodes included) and listening ports.
import { readdirSync, readFileSync } from 'node:fs';

export interface SeenProcess {
  readonly pid: number;
  readonly argv: readonly string[];
  readonly env: ReadonlyMap<string, string>;
}

function read(pid: number): SeenProcess | undefined {
  try {
    const env = new Map<string, string>();
    for (const kv of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      const i = kv.indexOf('=');
      if (i > 0) env.set(kv.slice(0, i), kv.slice(i + 1));
    }
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const state = /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    if (state === 'Z') return undefined; // exited, not yet reaped
    return { pid, argv, env };
  } catch {
    return undefined; // gone, or not ours to read
  }
}

/** Every live process whose environment has `name=value`. */
export function processesWithEnv(name: string, value: string): SeenProcess[] {
  const found: SeenProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const p = read(Number(entry));
    if (p && p.env.get(name) === value) found.push(p);
  }
  return found;
}

export function isAlive(pid: number): boolean {
  return read(pid) !== undefined;
}

/** True when some socket on this machine listens on TCP `port` (IPv4 or IPv6). */
export function someoneListensOn(port: number): boolean {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 3 && cols[1]!.endsWith(`:${hex}`) && cols[3] === '0A') return true;
    }
  }
  return false;
}
