/** Exponential reconnect delays with full jitter: initial, 2x, 4x … capped at `maxMs`. */
export class Backoff {
  #attempt = 0;
  constructor(private readonly opts: { initialMs: number; maxMs: number }) {}

  next(): number {
    const ceiling = Math.min(this.opts.maxMs, this.opts.initialMs * 2 ** this.#attempt);
    this.#attempt++;
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  reset(): void {
    this.#attempt = 0;
  }
}
