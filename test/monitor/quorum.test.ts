// Two probe locations: "b" pushes signed results to the recorder "a". A target that only "a"
// cannot reach (a bad route) shows "degraded from a" and opens no incident; when the node dies
// for both, the quorum of 2 agrees and an incident opens. A push with a bad signature is refused
// and recorded nowhere.
import { sign } from '@dinfra/monitor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from '../support/chain-helpers.ts';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { FAST_CHECKS, startMonitor, type TestMonitor } from './monitor-support.ts';

const SECRET = 'location-b-secret-0123456789';
let node: RunningNode;
let a: TestMonitor;
let b: TestMonitor;

beforeAll(async () => {
  node = await startNode(['--dev', '--sealing', 'interval', '--block-time', '500']);
  a = await startMonitor({
    location: 'a',
    quorum: 2,
    locations: { secrets: { b: SECRET } },
    // From "a", the route to the node is broken: it dials a closed port.
    targets: [{ name: 'node', url: 'ws://127.0.0.1:1', provider: 'p' }],
  });
  b = await startMonitor({ location: 'b', recorder: { url: a.url, secret: SECRET }, targets: [{ name: 'node', url: node.wsUrl, provider: 'p' }] });
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await node?.kill();
});

interface View {
  name: string;
  state: string;
  degradedFrom: string[];
  openIncident: unknown;
  locations: { location: string; status: string }[];
}
const view = async (): Promise<View> => ((await (await fetch(`${a.url}/api/targets`)).json()) as { targets: View[] }).targets.find((t) => t.name === 'node')!;

describe('several locations with a quorum', () => {
  it('a location that alone cannot reach a target opens no incident: "degraded from a"', async () => {
    await expect.poll(async () => (await view()).locations.map((l) => `${l.location}:${l.status}`).sort(), { timeout: 20_000 }).toEqual(['a:down', 'b:up']);
    // Many failing rounds from "a" (failuresToOpen is 2): still no incident.
    await sleep(FAST_CHECKS.intervalMs * 8);
    const v = await view();
    expect(v).toMatchObject({ state: 'degraded', degradedFrom: ['a'], openIncident: null });
    expect(a.changes).toEqual([]);
    expect(b.changes).toEqual([]); // a pushing location judges nothing
  });

  it('when both locations fail, the quorum agrees and the incident opens', async () => {
    await node.kill('SIGKILL');
    const opened = await a.waitChange('incident.opened', 'node', 40_000);
    expect(opened.incident.timeline[0]!.message).toMatch(/seen from (a, b|b, a); quorum 2 of 2/);
  });

  it('a push with a bad signature, an unknown location or a stale timestamp is refused; nothing is recorded', async () => {
    const body = JSON.stringify({ location: 'b', results: [{ target: 'forged', location: 'b', at: Date.now(), status: 'down', failures: [], latencies: {} }] });
    const post = (headers: Record<string, string>) => fetch(`${a.url}/api/results`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const ts = String(Date.now());
    expect((await post({ 'x-dinfra-location': 'b', 'x-dinfra-timestamp': ts, 'x-dinfra-signature': 'sha256=00' })).status).toBe(401);
    expect((await post({ 'x-dinfra-location': 'c', 'x-dinfra-timestamp': ts, 'x-dinfra-signature': 'sha256=00' })).status).toBe(401);
    const old = Date.now() - 10 * 60_000;
    expect((await post({ 'x-dinfra-location': 'b', 'x-dinfra-timestamp': String(old), 'x-dinfra-signature': sign(SECRET, old, body) })).status).toBe(401);
    expect(a.monitor.latest.has('forged')).toBe(false);
    const now = Date.now();
    expect((await post({ 'x-dinfra-location': 'b', 'x-dinfra-timestamp': String(now), 'x-dinfra-signature': sign(SECRET, now, body) })).status).toBe(202);
    expect(a.monitor.latest.has('forged')).toBe(true);
  });
});
