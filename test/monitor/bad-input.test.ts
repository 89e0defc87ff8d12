// Bad input: an unreachable target, an endpoint of another chain, slow answers, garbage JSON and
// wrongly shaped results each fail the right check (and open an incident); the API refuses bad
// writes and changes nothing.
import { StandInNode } from '@dinfra/monitor/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc, startNode, type RunningNode } from '../support/node-process.ts';
import { startMonitor, type TestMonitor } from './monitor-support.ts';

const TOKEN = 'operator-token-0123456789';
let dev: RunningNode;
let local: RunningNode;
let stand: Awaited<ReturnType<typeof StandInNode.start>>[];
let mon: TestMonitor;

beforeAll(async () => {
  [dev, local] = await Promise.all([
    startNode(['--dev', '--sealing', 'interval', '--block-time', '500']),
    startNode(['--chain', 'local', '--alice', '--tmp', '--sealing', 'interval', '--block-time', '500']),
  ]);
  // Stand-ins of the same chain, ahead of it (so only what they do wrong fails).
  const genesis = await rpc<string>(dev, 'chain_getBlockHash', [0]);
  stand = await Promise.all([
    StandInNode.start({ genesis, best: 1e6, blockTimeMs: 500, delayMs: 2000 }), // slower than timeoutMs
    StandInNode.start({ genesis, best: 1e6, blockTimeMs: 500, delayMs: 600 }), // slower than slowMs, within timeoutMs
    StandInNode.start({ mode: 'garbage' }),
    StandInNode.start({ mode: 'wrong-shape' }),
  ]);
  mon = await startMonitor({
    references: [dev.wsUrl],
    api: { operatorToken: TOKEN },
    targets: [
      { name: 'dev', url: dev.wsUrl },
      { name: 'nobody', url: 'ws://127.0.0.1:1' },
      { name: 'other-chain', url: local.wsUrl },
      { name: 'timeout', url: stand[0]!.url },
      { name: 'slow', url: stand[1]!.url },
      { name: 'garbage', url: stand[2]!.url },
      { name: 'wrong-shape', url: stand[3]!.url },
    ],
  });
});

afterAll(async () => {
  await mon?.close();
  await Promise.all([dev?.kill(), local?.kill(), ...(stand ?? []).map((s) => s.close())]);
});

describe('bad input', () => {
  it.each([
    ['nobody', 'reachable', /^unreachable: cannot connect to ws:\/\/127\.0\.0\.1:1: ECONNREFUSED/],
    ['other-chain', 'genesis', /^genesis mismatch: serves genesis 0x[0-9a-f]{64}, expected 0x[0-9a-f]{64} \(another chain\)/],
    ['timeout', 'timeout', /^not answering: \w+ did not answer within 1000 ms/],
    ['slow', 'latency', /^slow: slow: .*\d+ ms.*\(limit 400 ms\)/],
    ['garbage', 'reply', /^invalid reply: invalid reply from ws:\/\/127\.0\.0\.1:\d+: not JSON: "<html>502 Bad Gateway<\/html>"/],
    ['wrong-shape', 'reply', /^invalid reply: invalid reply: chain_getBlockHash result: /],
  ])('%s opens an incident of check %s', async (target, check, cause) => {
    const opened = await mon.waitChange('incident.opened', target, 40_000);
    expect(opened.incident.check).toBe(check);
    expect(opened.incident.cause).toMatch(cause);
  });

  it('the healthy endpoint of the right chain stays up, with no incident', async () => {
    const body = (await (await fetch(`${mon.url}/api/targets`)).json()) as { targets: { name: string; state: string; locations: { headLag?: number }[] }[] };
    const t = body.targets.find((x) => x.name === 'dev')!;
    expect(t.state).toBe('up');
    expect(t.locations[0]!.headLag).toBeLessThanOrEqual(5);
    expect(mon.changes.filter((c) => c.incident.target === 'dev')).toEqual([]);
  });

  it('notes: a bad token, a bad body or an unknown incident is refused and changes nothing; a good note lands in the timeline', async () => {
    const id = mon.monitor.incidents.list({ target: 'nobody' })[0]!.id;
    const post = (path: string, body: unknown, token = TOKEN) =>
      fetch(`${mon.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const before = mon.monitor.incidents.get(id)!.timeline.length;
    expect((await post(`/api/incidents/${id}/notes`, { message: 'x' }, 'wrong-token-0123456789')).status).toBe(401);
    const bad = await post(`/api/incidents/${id}/notes`, { message: '' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/^message: /);
    expect((await post(`/api/incidents/${id}/notes`, '{not json')).status).toBe(400);
    expect((await post('/api/incidents/99999/notes', { message: 'x' })).status).toBe(404);
    expect((await post('/api/incidents/abc/notes', { message: 'x' })).status).toBe(400);
    expect(mon.monitor.incidents.get(id)!.timeline.length).toBe(before);
    const ok = await post(`/api/incidents/${id}/notes`, { message: 'port 1 is closed on purpose', author: 'ops' });
    expect(ok.status).toBe(201);
    const timeline = ((await (await fetch(`${mon.url}/api/incidents/${id}`)).json()) as { timeline: { kind: string; message: string; author: string }[] }).timeline;
    expect(timeline.at(-1)).toMatchObject({ kind: 'note', message: 'port 1 is closed on purpose', author: 'ops' });
  });
});
