/** A backend author's test: the harness with no OGate given runs on the fake OGate, no node. */
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryBackend, startReactorHarness, type ReactorHarness } from './index.ts';

let h: ReactorHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('startReactorHarness on the fake OGate', () => {
  it('creates an awarded deployment, reports it running, destroys it when absent, all within the contract', async () => {
    const backend = new MemoryBackend();
    h = await startReactorHarness({ backend, tuning: { probe: async () => ({ ok: true }) } });
    const ogate = h.ogate!;
    ogate.upsert({ id: '1' });
    await h.until('running', () => ogate.reports.some((r) => r.id === '1' && r.state === 'running'), 10_000);
    expect(backend.made).toHaveLength(1);
    ogate.upsert({ id: '1', desired: 'absent' });
    await h.until('destroyed', () => backend.resources.size === 0, 10_000);
    expect(ogate.violations).toEqual([]);
  });

  it('refuses a real OGate URL without its token', async () => {
    await expect(startReactorHarness({ backend: new MemoryBackend(), ogateUrl: 'http://127.0.0.1:1' })).rejects.toThrow(/needs its token/);
  });
});
