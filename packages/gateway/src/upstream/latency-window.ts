/**
 * The last `size` latencies of a pool's reads (seconds) and a quantile of them, recomputed at most
 * every `everyMs` (hedging asks on every read; sorting 512 numbers once a second is cheap).
 */
export class LatencyWindow {
  readonly #samples: Float64Array;
  #n = 0;
  #next = 0;
  #cached = new Map<number, number>();
  #at = 0;

  constructor(private readonly size = 512, private readonly everyMs = 1000) {
    this.#samples = new Float64Array(size);
  }

  add(seconds: number): void {
    this.#samples[this.#next] = seconds;
    this.#next = (this.#next + 1) % this.size;
    if (this.#n < this.size) this.#n++;
  }

  get count(): number {
    return this.#n;
  }

  /** The `q` quantile in seconds (NaN until there are samples). */
  quantile(q: number, now = performance.now()): number {
    if (now - this.#at > this.everyMs) {
      this.#cached.clear();
      this.#at = now;
    }
    let v = this.#cached.get(q);
    if (v === undefined) {
      if (this.#n === 0) return NaN;
      const sorted = this.#samples.slice(0, this.#n).sort();
      v = sorted[Math.min(this.#n - 1, Math.floor(q * this.#n))]!;
      this.#cached.set(q, v);
    }
    return v;
  }
}
