import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOGateClient } from '@dinfra/ogate-contract';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentBackendError } from '../backend.ts';
import { silentLogger } from '../logging.ts';
import { resourceName, resourceTags } from '../naming.ts';
import { ReactorStore } from '../store/index.ts';
import { MemoryBackend } from '../testing/memory-backend.ts';
import { Reactor } from './reactor.ts';
import type { ReactorOptions } from './options.ts';
import { FakeOGate } from '@dinfra/ogate-contract/testing';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(what: string, f: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function setup(o: { backend?: MemoryBackend; dataDir?: string; ogate?: FakeOGate; healthy?: () => boolean; extra?: Partial<ReactorOptions> } = {}) {
  const ogate = o.ogate ?? (await FakeOGate.start());
  if (!o.ogate) cleanups.push(() => ogate.close());
  const backend = o.backend ?? new MemoryBackend();
  const store = ReactorStore.open(o.dataDir ?? mkdtempSync(join(tmpdir(), 'reactor-loop-')));
  const reactor = new Reactor({
    client: createOGateClient({ baseUrl: ogate.url, token: 't' }), backend, store, log: silentLogger(), provider: { current: ogate.provider },
    resyncMs: 300, longPollS: 1, probeIntervalMs: 50, orphanSweepMs: 0, startupGraceMs: 0,
    createRetry: { attempts: 3, baseMs: 5, maxMs: 20 }, health: { restartAfter: 2, degradedAfter: 4 },
    probe: async () => ((o.healthy ?? (() => true))() ? { ok: true, head: 1, genesis: '0x' } : { ok: false, reason: 'down' }),
    ...o.extra,
  });
  await reactor.start();
  const stop = async () => {
    await reactor.stop();
    store.close();
  };
  cleanups.push(stop);
  return { ogate, backend, store, reactor, stop };
}

const states = (ogate: FakeOGate, id: string) => ogate.reports.filter((r) => r.id === id).map((r) => r.state);

describe('Reactor (against the REST contract)', () => {
  it('creates a present deployment once, reports provisioning then running with its endpoint', async () => {
    const { ogate, backend } = await setup();
    ogate.upsert({ id: '1' });
    await until('running', () => states(ogate, '1').includes('running'));
    expect(states(ogate, '1')).toEqual(['provisioning', 'running']);
    expect(ogate.reports.at(-1)!.endpoints).toEqual(['ws://127.0.0.1:9944']);
    expect(backend.made).toHaveLength(1);
  });

  it('destroys when OGate says absent, only after the grace period', async () => {
    const { ogate, backend } = await setup({ extra: { graceMs: 400 } });
    ogate.upsert({ id: '2' });
    await until('created', () => backend.resources.size === 1);
    ogate.upsert({ id: '2', desired: 'absent' });
    const absentAt = Date.now();
    await until('destroyed', () => backend.resources.size === 0);
    expect(Date.now() - absentAt).toBeGreaterThanOrEqual(380);
  });

  it('retries a failing create a bounded number of times, then reports failed with the reason and stops', async () => {
    const backend = new MemoryBackend({ failCreate: () => new Error('quota exceeded in zone-1') });
    const { ogate } = await setup({ backend });
    ogate.upsert({ id: '3' });
    await until('failed', () => states(ogate, '3').includes('failed'));
    expect(backend.calls.create).toBe(3);
    expect(ogate.reports.find((r) => r.state === 'failed')!.reason).toBe('quota exceeded in zone-1');
    await new Promise((r) => setTimeout(r, 400));
    expect(backend.calls.create).toBe(3);
  });

  it('does not retry a permanent error', async () => {
    const backend = new MemoryBackend({ failCreate: () => new PermanentBackendError('chain "x" is not offered here', 'CHAIN_UNKNOWN') });
    const { ogate } = await setup({ backend });
    ogate.upsert({ id: '4' });
    await until('failed', () => states(ogate, '4').includes('failed'));
    expect(backend.calls.create).toBe(1);
    expect(ogate.reports.at(-1)!.reason).toBe('CHAIN_UNKNOWN: chain "x" is not offered here');
  });

  it('a destroy that fails for good is counted, given up (no endless loop) and leaves every other deployment alone', async () => {
    const backend = new MemoryBackend({ failDestroy: (r) => (r.key.id === '12' ? new PermanentBackendError('giving up after 5 destroy attempts', 'CLOUDSTACK_DESTROY_FAILED') : undefined) });
    const { ogate, reactor } = await setup({ backend });
    for (const id of ['11', '12', '13']) ogate.upsert({ id });
    await until('running', () => ['11', '12', '13'].every((id) => states(ogate, id).includes('running')));
    ogate.upsert({ id: '12', desired: 'absent' });
    await until('given up', () => reactor.destroyGivenUp.size === 1);
    const calls = backend.calls.destroy;
    await new Promise((r) => setTimeout(r, 1000)); // several resync passes
    expect(backend.calls.destroy).toBe(calls);
    expect(calls).toBe(1);
    expect([...backend.resources.values()].map((r) => r.key.id).sort()).toEqual(['11', '12', '13']);
    const metrics = await reactor.metrics.registry.metrics();
    expect(metrics).toContain('dinfra_reactor_destroy_failures_total{code="CLOUDSTACK_DESTROY_FAILED"} 1');
    expect(metrics).toContain('dinfra_reactor_destroys_given_up 1');
  });

  it('cloud-init: running once its declared port accepts connections, reported with the declared endpoint', async () => {
    const server = createServer((c) => { c.on('error', () => undefined); c.end(); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as { port: number }).port;
    const backend = new MemoryBackend({ endpoint: () => `tcp://127.0.0.1:${port}` });
    const { ogate } = await setup({ backend, extra: { probe: undefined } });
    ogate.upsert({ id: '21', type: 'cloud-init' });
    await until('running', () => states(ogate, '21').includes('running'));
    expect(ogate.reports.at(-1)!.endpoints).toEqual([`tcp://127.0.0.1:${port}`]);
  });

  it('cloud-init: a declared port that never opens ends failed with the reason after the probe limit (no restart loop)', async () => {
    const backend = new MemoryBackend({ endpoint: () => 'tcp://127.0.0.1:1' });
    const { ogate } = await setup({ backend, extra: { probe: undefined, portProbeLimit: 3 } });
    ogate.upsert({ id: '22', type: 'cloud-init' });
    await until('failed', () => states(ogate, '22').includes('failed'));
    expect(states(ogate, '22')).toEqual(['provisioning', 'failed']);
    expect(ogate.reports.at(-1)!.reason).toMatch(/^never became ready after 3 probes: tcp:\/\/127\.0\.0\.1:1: no TCP connection/);
  });

  it('settles a pending create at start: adopts what exists, creates what does not, no double', async () => {
    const ogate = await FakeOGate.start();
    cleanups.push(() => ogate.close());
    const dir = mkdtempSync(join(tmpdir(), 'reactor-loop-'));
    const backend = new MemoryBackend();
    ogate.upsert({ id: '5' });
    ogate.upsert({ id: '6' });
    const store = ReactorStore.open(dir);
    // A crash after the records and after one create: 5 exists, 6 does not.
    for (const id of ['5', '6']) {
      const key = { provider: ogate.provider.account, id, generation: 1 };
      store.pending.add({ name: resourceName(key), key, type: 'substrate-node' });
      if (id === '5') await backend.create({ key, name: resourceName(key), tags: resourceTags(key), type: 'substrate-node', descriptor: {}, secrets: {} }, { signal: new AbortController().signal } as never);
    }
    store.close();
    await setup({ backend, dataDir: dir, ogate });
    await until('both running', () => states(ogate, '5').includes('running') && states(ogate, '6').includes('running'));
    expect(backend.made.sort()).toEqual([resourceName({ provider: ogate.provider.account, id: '5', generation: 1 }), resourceName({ provider: ogate.provider.account, id: '6', generation: 1 })].sort());
  });

  it('never destroys because its own state is missing; the orphan sweep ends what no deployment claims', async () => {
    const backend = new MemoryBackend();
    const ogate = await FakeOGate.start();
    cleanups.push(() => ogate.close());
    ogate.upsert({ id: '7' });
    const mk = (id: string) => {
      const key = { provider: ogate.provider.account, id, generation: 1 };
      return backend.create({ key, name: resourceName(key), tags: resourceTags(key), type: 'substrate-node', descriptor: {}, secrets: {} }, { signal: new AbortController().signal } as never);
    };
    await mk('7');
    await mk('99');
    await setup({ backend, ogate, extra: { orphanSweepMs: 200 } });
    await until('orphan gone', () => backend.resources.size === 1);
    expect([...backend.resources.values()][0]!.key.id).toBe('7');
    expect(backend.calls.create).toBe(2);
  });

  it('restarts an unhealthy deployment, reports degraded while it stays down, running when it recovers', async () => {
    let healthy = true;
    const { ogate, backend } = await setup({ healthy: () => healthy });
    ogate.upsert({ id: '8' });
    await until('running', () => states(ogate, '8').includes('running'));
    healthy = false;
    await until('degraded', () => states(ogate, '8').includes('degraded'));
    expect(backend.calls.restart).toBeGreaterThanOrEqual(1);
    healthy = true;
    await until('running again', () => states(ogate, '8').at(-1) === 'running');
    expect(states(ogate, '8')).toEqual(['provisioning', 'running', 'degraded', 'running']);
  });

  it('a short outage never reaches degraded', async () => {
    let healthy = true;
    const { ogate, backend } = await setup({ healthy: () => healthy, extra: { probeIntervalMs: 100 } });
    ogate.upsert({ id: '9' });
    await until('running', () => states(ogate, '9').includes('running'));
    healthy = false;
    await until('restart', () => backend.calls.restart > 0);
    healthy = true;
    await new Promise((r) => setTimeout(r, 800));
    expect(states(ogate, '9')).toEqual(['provisioning', 'running']);
  });

  it("its own reports do not wake it to re-list its backend (a status revision, not a spec revision)", async () => {
    const { ogate, backend } = await setup({ extra: { resyncMs: 60_000 } });
    ogate.upsert({ id: '11' });
    await until('running', () => states(ogate, '11').includes('running'));
    await new Promise((r) => setTimeout(r, 300));
    const d = ogate.deployments.get('11')!;
    expect(d.revision).toBeGreaterThan(d.specRevision);
    expect(backend.calls.list).toBe(2); // the first pass and the award's; the two reports none
    ogate.upsert({ id: '11', desired: 'absent' });
    await until('destroyed', () => backend.resources.size === 0);
    expect(backend.calls.list).toBe(3);
  });

  it('stops acting on a stale generation (409) and serves the new one', async () => {
    const { ogate, backend } = await setup();
    ogate.upsert({ id: '10' });
    await until('running', () => states(ogate, '10').includes('running'));
    ogate.upsert({ id: '10', generation: 2, state: 'awarded' });
    await until('gen 2 running', () => ogate.reports.some((r) => r.id === '10' && r.generation === 2 && r.state === 'running'));
    await until('gen 1 destroyed', () => [...backend.resources.values()].every((r) => r.key.generation === 2));
  });
});
