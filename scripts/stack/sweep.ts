// Finds every process started under this stack (they inherit DINFRA_STACK=<id> in their
// environment, deployed nodes included) so that Ctrl-C stops all of them.
import { readdirSync, readFileSync } from 'node:fs';

export function processesOfStack(stackId: string): number[] {
  const marker = `DINFRA_STACK=${stackId}`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (env.includes(marker)) pids.push(Number(entry));
    } catch {
      // gone or not ours
    }
  }
  return pids;
}

/** SIGTERM every process of the stack, then SIGKILL what is left after `graceMs`. */
export async function stopStackProcesses(stackId: string, graceMs = 5000): Promise<number> {
  const pids = processesOfStack(stackId);
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && processesOfStack(stackId).length > 0) await new Promise((r) => setTimeout(r, 100));
  for (const pid of processesOfStack(stackId)) signal(pid, 'SIGKILL');
  return pids.length;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}
