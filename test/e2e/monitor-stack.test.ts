// `npm start` runs a monitor too (default settings: a round every 10 s), fed by OGate with a
// read-only token: its page lists the running deployment. (kill -9 and SIGSTOP of real nodes:
// test/monitor/node-failures.test.ts.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dinfra, ok, ROOT } from './cli.ts';
import { startStack, type RunningStack } from './stack.ts';

let stack: RunningStack;
let id: string;

beforeAll(async () => {
  stack = await startStack({ blockTimeMs: 2000 });
  const cwd = mkdtempSync(join(tmpdir(), 'dinfra-e2e-cwd-'));
  const res = await dinfra(['--url', stack.wsUrl, 'subscribe', 'substrate-node', '--descriptor', join(ROOT, 'examples/rpc-node.json'), '--deposit', '5', '--ipfs-repo', stack.ipfsRepo, '--wait', 'running', '--json'], { env: { DINFRA_SURI: '//Charlie' }, cwd });
  id = ok<{ subscription: { id: string } }>(res, 'dinfra subscribe').subscription.id;
}, 300_000);

afterAll(async () => {
  await stack?.interrupt();
});

interface Target {
  name: string;
  state: string;
  subscription: string | null;
}
const targets = async () => ((await (await fetch(`${stack.monitorUrl}/api/targets`)).json()) as { targets: Target[] }).targets;

describe('npm start runs a monitor', { timeout: 300_000 }, () => {
  it('its page lists the running deployment, up', async () => {
    await expect.poll(async () => (await targets()).find((t) => t.subscription === id)?.state, { timeout: 90_000, interval: 1000 }).toBe('up');
    const page = await (await fetch(`${stack.monitorUrl}/`)).text();
    expect(page).toContain(`data-target="bob-${id}"`);
    expect(page).toContain(`subscription ${id}`);
  });

  it('`dinfra subscription status ID` shows the uptime, the current checks, no open incident, and when the deposit runs out', async () => {
    const res = await dinfra(['--url', stack.wsUrl, 'subscription', 'status', id, '--monitor', stack.monitorUrl, '--json'], { env: { DINFRA_SURI: '//Charlie' } });
    const doc = ok<{ state: string; deposit: { expiresAt: number | null; expiresInBlocks: number | null }; monitor: { targets: { name: string; state: string; uptime: Record<string, number> }[]; openIncidents: unknown[] } }>(res, 'subscription status');
    expect(doc.state).toBe('Running');
    expect(doc.deposit.expiresInBlocks).toBeGreaterThan(0);
    expect(doc.monitor.targets).toEqual([expect.objectContaining({ name: `bob-${id}`, state: 'up', uptime: expect.objectContaining({ '24h': 1 }) })]);
    expect(doc.monitor.openIncidents).toEqual([]);
    const text = await dinfra(['--url', stack.wsUrl, 'subscription', 'status', id, '--monitor', stack.monitorUrl]);
    expect(text.stdout).toMatch(/deposit runs out: +block #\d+ \(in \d+ blocks/);
    expect(text.stdout).toMatch(new RegExp(`bob-${id} +UP`));
    expect(text.stdout).toMatch(/uptime +24 h 100\.00%/);
    expect(text.stdout).toMatch(/no open incident/);
    // A monitor that cannot be reached: the chain's part still shows, with the reason.
    const off = await dinfra(['--url', stack.wsUrl, 'subscription', 'status', id, '--monitor', 'http://127.0.0.1:1']);
    expect(off.stdout).toMatch(/monitor: cannot ask the monitor at http:\/\/127\.0\.0\.1:1: /);
  });
});
