/** Exponentially weighted moving average of latencies (seconds). */
export class Ewma {
  #value: number;
  constructor(private readonly alpha: number, initial: number) {
    this.#value = initial;
  }

  add(sample: number): void {
    this.#value = this.alpha * sample + (1 - this.alpha) * this.#value;
  }

  get value(): number {
    return this.#value;
  }
}
