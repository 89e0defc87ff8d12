import { LimitExceededError } from '../errors.ts';
import { TokenBucket } from './token-bucket.ts';

export interface RateLimit {
  requestsPerSecond: number;
  burst: number;
}

export interface RateLimiterOptions {
  /** Requests without a (known) API key, per client IP. */
  perIp?: RateLimit | undefined;
  /** Requests with an API key, per key. */
  perKey?: RateLimit | undefined;
}

/** Token buckets per IP and per API key; idle buckets are forgotten. */
export class RateLimiter {
  readonly #buckets = new Map<string, TokenBucket>();
  #sweep = 0;

  constructor(private readonly opts: RateLimiterOptions) {}

  /** Takes `n` requests' worth for the caller, or throws {@link LimitExceededError}. */
  check(ip: string, apiKey: string | undefined, n = 1): void {
    const limit = apiKey !== undefined ? this.opts.perKey : this.opts.perIp;
    if (!limit) return;
    const id = apiKey !== undefined ? `key:${apiKey}` : `ip:${ip}`;
    let b = this.#buckets.get(id);
    if (!b) {
      b = new TokenBucket(limit.requestsPerSecond, limit.burst);
      this.#buckets.set(id, b);
    }
    if (++this.#sweep % 10_000 === 0) for (const [k, v] of this.#buckets) if (v.full()) this.#buckets.delete(k);
    if (b.take(n)) return;
    const who = apiKey !== undefined ? 'per API key (limits.rateLimit.perKey)' : `per IP ${ip} (limits.rateLimit.perIp)`;
    throw new LimitExceededError(`Too many requests: rate limit of ${limit.requestsPerSecond} requests/s (burst ${limit.burst}) ${who} exceeded; slow down and retry`);
  }
}
