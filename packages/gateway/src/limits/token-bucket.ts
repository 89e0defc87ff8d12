/** A token bucket: `ratePerSecond` refill, `burst` capacity. */
export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(private readonly ratePerSecond: number, private readonly burst: number, now = performance.now()) {
    this.#tokens = burst;
    this.#at = now;
  }

  /** Takes `n` tokens if there are; false (and nothing taken) otherwise. */
  take(n = 1, now = performance.now()): boolean {
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#at) / 1000) * this.ratePerSecond);
    this.#at = now;
    if (this.#tokens < n) return false;
    this.#tokens -= n;
    return true;
  }

  /** Full again (idle long enough to forget). */
  full(now = performance.now()): boolean {
    return this.#tokens + ((now - this.#at) / 1000) * this.ratePerSecond >= this.burst;
  }
}
