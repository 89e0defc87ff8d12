import { describe, expect, it } from 'vitest';
import { HealthTracker } from './tracker.ts';

const policy = { restartAfter: 2, degradedAfter: 4, stallMs: 1000 };
const ok = (head: number, genesis = '0xg') => ({ ok: true, head, genesis });

describe('HealthTracker', () => {
  it('counts failures in a row and resets on success', () => {
    const t = new HealthTracker(0, policy);
    expect(t.observe({ ok: false, reason: 'down' }, 1)).toEqual({ healthy: false, reason: 'down', failures: 1 });
    expect(t.observe({ ok: false, reason: 'down' }, 2)).toMatchObject({ failures: 2 });
    expect(t.observe(ok(1), 3)).toEqual({ healthy: true });
    expect(t.failures).toBe(0);
  });

  it('pins the first genesis and refuses another', () => {
    const t = new HealthTracker(0, policy);
    t.observe(ok(1, '0xa'), 0);
    expect(t.observe(ok(2, '0xb'), 1)).toMatchObject({ healthy: false, reason: expect.stringMatching(/genesis changed/) });
  });

  it('a head that stops while the chain moves on is unhealthy; an idle chain is not', () => {
    const t = new HealthTracker(0, policy);
    t.observe(ok(5), 0);
    expect(t.observe(ok(5), 5000, 5)).toEqual({ healthy: true });
    expect(t.observe(ok(5), 5000, 9)).toMatchObject({ healthy: false, reason: expect.stringMatching(/head stuck at #5/) });
    expect(t.observe(ok(9), 5001, 9)).toEqual({ healthy: true });
  });
});
