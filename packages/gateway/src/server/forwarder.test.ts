// The forwarder's hedging and head floors, on upstreams whose answers the test times.
import { describe, expect, it } from 'vitest';
import { ImmutableCache } from '../cache/immutable-cache.ts';
import { UpstreamReply } from '../jsonrpc/upstream-reply.ts';
import { GatewayMetrics } from '../observability/metrics.ts';
import { LatencyWindow } from '../upstream/latency-window.ts';
import { UpstreamPool } from '../upstream/pool.ts';
import { Upstream } from '../upstream/upstream.ts';
import type { UpstreamClient } from '../upstream/upstream-client.ts';
import { Forwarder } from './forwarder.ts';
import { HeadFloor } from './head-floor.ts';

/** An upstream answering `result` after `delayMs`, counting requests. */
function upstream(name: string, delayMs: () => number, result: (method: string) => unknown = () => '0x01') {
  const client = {
    name,
    url: `ws://${name}`,
    isOpen: true,
    outstanding: 0,
    latency: { value: 0.001 },
    sent: 0,
    request(method: string) {
      this.sent++;
      return new Promise<UpstreamReply>((r) => setTimeout(() => r(UpstreamReply.fromObject({ result: result(method) })), delayMs()));
    },
  };
  const u = new Upstream(client as unknown as UpstreamClient);
  u.verdict = { healthy: true, reasons: [] };
  return { u, client };
}

const forwarder = (ups: Upstream[], hedge = { enabled: true, quantile: 0.9, floorMs: 50 }) => {
  const metrics = new GatewayMetrics();
  const f = new Forwarder({ pool: new UpstreamPool(ups), cache: new ImmutableCache({ maxEntries: 0, maxBytes: 1 }), metrics, poolName: 'p', latency: new LatencyWindow(), hedge });
  return { f, metrics };
};

const count = async (m: GatewayMetrics, outcome: string) => (await m.hedges.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;

describe('hedged reads', () => {
  it('sends a read once more after the floor when the first upstream is slow; the first answer wins', async () => {
    const slow = upstream('slow', () => 400);
    const fast = upstream('fast', () => 5);
    (fast.client.latency as { value: number }).value = 1; // the slow one scores best: it is picked first
    const { f, metrics } = forwarder([slow.u, fast.u]);
    const r = await f.forward('state_getStorage', ['0x00']);
    expect(r.via).toBe('fast');
    expect(slow.client.sent + fast.client.sent).toBe(2);
    expect(await count(metrics, 'sent')).toBe(1);
    expect(await count(metrics, 'won')).toBe(1);
  });

  it('never hedges a fast read, a submission, or with hedging off', async () => {
    const a = upstream('a', () => 1);
    const b = upstream('b', () => 1);
    const { f, metrics } = forwarder([a.u, b.u]);
    for (let i = 0; i < 20; i++) await f.forward('state_getStorage', ['0x00']);
    expect(a.client.sent + b.client.sent).toBe(20);
    const s1 = upstream('s1', () => 120);
    const s2 = upstream('s2', () => 120);
    const sub = forwarder([s1.u, s2.u]);
    await sub.f.forward('author_submitExtrinsic', ['0x00']);
    expect(s1.client.sent + s2.client.sent).toBe(1);
    const off = forwarder([s1.u, s2.u], { enabled: false, quantile: 0.9, floorMs: 50 });
    await off.f.forward('state_getStorage', ['0x00']);
    expect(s1.client.sent + s2.client.sent).toBe(2);
    expect(await count(metrics, 'sent')).toBe(0);
  });
});

describe('head floors', () => {
  it('asks a more advanced upstream when the answer is below a head the client was served', async () => {
    const behind = upstream('behind', () => 1, () => ({ number: '0x0a' }));
    const ahead = upstream('ahead', () => 1, () => ({ number: '0x0c' }));
    behind.u.best = 12; // what its last probe said: it restarted behind since
    ahead.u.best = 13;
    (ahead.client.latency as { value: number }).value = 10; // routing alone would prefer the lagging one
    const { f } = forwarder([behind.u, ahead.u], { enabled: false, quantile: 0.9, floorMs: 50 });
    const floor = new HeadFloor();
    floor.raise(11);
    const r = await f.forward('chain_getHeader', [], undefined, undefined, floor);
    expect((r.reply.result as { number: string }).number).toBe('0x0c');
    expect(floor.value).toBe(12);
  });
});
