/** A set that remembers only the last `capacity` values (insertion order). */
export class RecentSet {
  readonly #set = new Set<string>();
  constructor(private readonly capacity = 1024) {}

  has(v: string): boolean {
    return this.#set.has(v);
  }

  add(v: string): void {
    this.#set.add(v);
    if (this.#set.size > this.capacity) this.#set.delete(this.#set.values().next().value as string);
  }
}
