// The monitor against real dinfra-node processes: kill -9 opens an incident (unreachable) and a
// restart closes it; SIGSTOP of the node a target imports from opens "head not advancing";
// SIGSTOP of the target itself opens "not answering"; all close on recovery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/chain-helpers.ts';
import { startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { startMonitor, type TestMonitor } from './monitor-support.ts';

let author: RunningNode;
let follower: RunningNode;
let authorArgs: string[];
let mon: TestMonitor;

beforeAll(async () => {
  const rpcPort = await freePort();
  authorArgs = ['--chain', 'local', '--alice', '--base-path', tempBasePath(), '--sealing', 'interval', '--block-time', '500', '--rpc-port', String(rpcPort)];
  author = await startNode(authorArgs);
  follower = await startNode(['--chain', 'local', '--charlie', '--tmp', '--sync-from', author.wsUrl]);
  mon = await startMonitor({
    targets: [
      { name: 'author', url: author.wsUrl, provider: 'p1' },
      { name: 'follower', url: follower.wsUrl, provider: 'p1' },
    ],
  });
});

afterAll(async () => {
  await mon?.close();
  follower?.process.kill('SIGCONT');
  author?.process.kill('SIGCONT');
  await Promise.all([author?.kill(), follower?.kill()]);
});

const stateOf = async (name: string) => {
  const body = (await (await fetch(`${mon.url}/api/targets`)).json()) as { targets: { name: string; state: string }[] };
  return body.targets.find((t) => t.name === name)?.state;
};

describe('monitor against real nodes', () => {
  it('sees both nodes up, heads advancing, no incident', async () => {
    await expect.poll(() => stateOf('author'), { timeout: 30_000 }).toBe('up');
    await expect.poll(() => stateOf('follower'), { timeout: 30_000 }).toBe('up');
    expect(mon.changes).toEqual([]);
  });

  it('kill -9 of a node opens an "unreachable" incident; the restarted node closes it', async () => {
    const since = mon.changes.length;
    const killedAt = Date.now();
    await author.kill('SIGKILL');
    const opened = await mon.waitChange('incident.opened', 'author', 40_000, since);
    expect(opened.incident.check).toBe('reachable');
    expect(opened.incident.cause).toMatch(/^unreachable: /);
    expect(opened.incident.openedAt - killedAt).toBeLessThan(40_000);
    author = await startNode(authorArgs);
    const closed = await mon.waitChange('incident.closed', 'author', 60_000, since);
    expect(closed.incident.id).toBe(opened.incident.id);
    expect(closed.incident.timeline.map((e) => e.kind)).toEqual(['opened', 'closed']);
    // The follower lost its source meanwhile: its own incident (head not advancing) closes too.
    await expect.poll(() => mon.monitor.incidents.list({ openOnly: true }).length, { timeout: 60_000 }).toBe(0);
  });

  it('SIGSTOP of the node a follower imports from opens "head not advancing" on the follower; SIGCONT closes it', async () => {
    await expect.poll(() => stateOf('follower'), { timeout: 30_000 }).toBe('up');
    const since = mon.changes.length;
    author.process.kill('SIGSTOP');
    const opened = await mon.waitChange('incident.opened', 'follower', 40_000, since);
    expect(opened.incident.check).toBe('head-advancing');
    expect(opened.incident.cause).toMatch(/^head not advancing: head #\d+ unchanged for/);
    author.process.kill('SIGCONT');
    const closed = await mon.waitChange('incident.closed', 'follower', 60_000, since);
    expect(closed.incident.id).toBe(opened.incident.id);
  });

  it('SIGSTOP of the target itself opens "not answering"; SIGCONT closes it', async () => {
    await expect.poll(() => stateOf('follower'), { timeout: 30_000 }).toBe('up');
    const since = mon.changes.length;
    follower.process.kill('SIGSTOP');
    const opened = await mon.waitChange('incident.opened', 'follower', 40_000, since);
    expect(opened.incident.check).toBe('timeout');
    follower.process.kill('SIGCONT');
    const closed = await mon.waitChange('incident.closed', 'follower', 60_000, since);
    expect(closed.incident.id).toBe(opened.incident.id);
    const uptime = ((await (await fetch(`${mon.url}/api/targets`)).json()) as { targets: { name: string; uptime: Record<string, number> }[] }).targets.find((t) => t.name === 'follower')!.uptime;
    expect(uptime['24h']).toBeGreaterThan(0);
    expect(uptime['24h']).toBeLessThan(1);
  });
});
