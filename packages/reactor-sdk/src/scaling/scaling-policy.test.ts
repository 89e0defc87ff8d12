import { describe, expect, it } from 'vitest';
import { poolCounters, rateBetween } from './gateway-metrics.ts';
import { ScalingPolicy } from './scaling-policy.ts';

const rules = { min: 1, max: 3, targetRpsPerNode: 100, targetP95Ms: 50, outWindowMs: 120_000, inWindowMs: 600_000 };

describe('ScalingPolicy', () => {
  it('scales out after 2 minutes over the target, one node at a time, never above max', () => {
    const p = new ScalingPolicy(rules);
    expect(p.observe({ at: 0, nodes: 1, rps: 150, p95Ms: 5 }).action).toBe('hold');
    expect(p.observe({ at: 119_000, nodes: 1, rps: 150, p95Ms: 5 }).action).toBe('hold');
    expect(p.observe({ at: 120_000, nodes: 1, rps: 150, p95Ms: 5 })).toMatchObject({ action: 'out', from: 1, to: 2 });
    // The window starts again after a step: no second step at once.
    expect(p.observe({ at: 121_000, nodes: 2, rps: 400, p95Ms: 5 }).action).toBe('hold');
    expect(p.observe({ at: 241_000, nodes: 2, rps: 400, p95Ms: 5 })).toMatchObject({ action: 'out', to: 3 });
    expect(p.observe({ at: 242_000, nodes: 3, rps: 900, p95Ms: 500 }).action).toBe('hold');
    expect(p.observe({ at: 999_000, nodes: 3, rps: 900, p95Ms: 500 }).action).toBe('hold');
  });

  it('scales out on p95 alone; a dip resets the window', () => {
    const p = new ScalingPolicy(rules);
    p.observe({ at: 0, nodes: 1, rps: 10, p95Ms: 80 });
    p.observe({ at: 60_000, nodes: 1, rps: 10, p95Ms: 20 });
    expect(p.observe({ at: 150_000, nodes: 1, rps: 10, p95Ms: 80 }).action).toBe('hold');
    expect(p.observe({ at: 270_000, nodes: 1, rps: 10, p95Ms: 80 })).toMatchObject({ action: 'out', reason: expect.stringMatching(/p95 80.0 ms \(target 50\)/) });
  });

  it('scales in after 10 minutes under half, never below min', () => {
    const p = new ScalingPolicy(rules);
    p.observe({ at: 0, nodes: 2, rps: 60, p95Ms: 5 }); // 30/node < 50
    expect(p.observe({ at: 599_000, nodes: 2, rps: 60, p95Ms: 5 }).action).toBe('hold');
    expect(p.observe({ at: 600_000, nodes: 2, rps: 60, p95Ms: 5 })).toMatchObject({ action: 'in', to: 1 });
    p.observe({ at: 601_000, nodes: 1, rps: 0, p95Ms: NaN });
    expect(p.observe({ at: 9_000_000, nodes: 1, rps: 0, p95Ms: NaN }).action).toBe('hold');
  });

  it('refuses rules with max below min', () => {
    expect(() => new ScalingPolicy({ ...rules, min: 4 })).toThrow(/1 <= min <= max/);
  });
});

describe('gateway metrics', () => {
  const text = (n: number, fast: number) =>
    [
      `gateway_requests_total{method="state_getStorage",pool="dot"} ${n}`,
      `gateway_requests_total{method="state_getStorage",pool="ksm"} 999`,
      `gateway_request_duration_seconds_bucket{le="0.005",method="state_getStorage",upstream="a",pool="dot"} ${fast}`,
      `gateway_request_duration_seconds_bucket{le="0.05",method="state_getStorage",upstream="a",pool="dot"} ${n}`,
      `gateway_request_duration_seconds_bucket{le="+Inf",method="state_getStorage",upstream="a",pool="dot"} ${n}`,
    ].join('\n');

  it('gives requests/s and p95 of one pool between two reads', () => {
    const a = poolCounters(text(100, 100), 'dot', 0);
    const b = poolCounters(text(1100, 1050), 'dot', 2000);
    const r = rateBetween(a, b);
    expect(r.rps).toBe(500);
    expect(r.p95Ms).toBe(5); // 950 of 1000 within 5 ms
    const c = poolCounters(text(2100, 1100), 'dot', 4000);
    expect(rateBetween(b, c).p95Ms).toBe(50);
    expect(rateBetween(c, c).p95Ms).toBeNaN();
  });
});
