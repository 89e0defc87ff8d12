import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../errors.ts';
import { RateLimiter } from './rate-limiter.ts';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows the burst, then refills at the rate', () => {
    const b = new TokenBucket(10, 3, 0);
    expect([b.take(1, 0), b.take(1, 0), b.take(1, 0), b.take(1, 0)]).toEqual([true, true, true, false]);
    expect(b.take(1, 50)).toBe(false); // half a token
    expect(b.take(1, 100)).toBe(true);
    expect(b.take(1, 10_000) && b.take(1, 10_000) && b.take(1, 10_000)).toBe(true);
    expect(b.take(1, 10_000)).toBe(false); // never more than the burst
  });
});

describe('RateLimiter', () => {
  it('keeps one bucket per IP and one per API key', () => {
    const r = new RateLimiter({ perIp: { requestsPerSecond: 0.001, burst: 2 }, perKey: { requestsPerSecond: 0.001, burst: 3 } });
    r.check('10.0.0.1', undefined);
    r.check('10.0.0.1', undefined);
    expect(() => r.check('10.0.0.1', undefined)).toThrow(LimitExceededError);
    expect(() => r.check('10.0.0.1', undefined)).toThrow(/per IP 10\.0\.0\.1 \(limits\.rateLimit\.perIp\)/);
    r.check('10.0.0.2', undefined);
    for (let i = 0; i < 3; i++) r.check('10.0.0.1', 'k1');
    expect(() => r.check('10.0.0.9', 'k1')).toThrow(/per API key \(limits\.rateLimit\.perKey\)/);
  });

  it('limits nothing when not configured', () => {
    const r = new RateLimiter({});
    for (let i = 0; i < 1000; i++) r.check('10.0.0.1', undefined);
  });
});
