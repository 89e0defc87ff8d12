import type { StateAccess, StateChanges } from '../framework/state.ts';

/**
 * An in-memory state backend with sorted keys, so prefix queries cost O(log n + matches)
 * (MapState scans every key). Used by the test harness and the benchmarks.
 */
export class SortedState implements StateAccess {
  #map: Map<string, Uint8Array>;
  #keys: string[];

  constructor(entries: Iterable<[string, Uint8Array]> = []) {
    this.#map = new Map(entries);
    this.#keys = [...this.#map.keys()].sort();
  }

  get size(): number {
    return this.#map.size;
  }

  clone(): SortedState {
    const s = new SortedState();
    s.#map = new Map(this.#map);
    s.#keys = [...this.#keys];
    return s;
  }

  #lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(key: string): Uint8Array | undefined {
    return this.#map.get(key);
  }

  keysWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (let i = this.#lowerBound(prefix); i < this.#keys.length && this.#keys[i]!.startsWith(prefix); i++) out.push(this.#keys[i]!);
    return out;
  }

  set(key: string, value: Uint8Array): void {
    if (!this.#map.has(key)) this.#keys.splice(this.#lowerBound(key), 0, key);
    this.#map.set(key, value);
  }

  delete(key: string): void {
    if (!this.#map.delete(key)) return;
    this.#keys.splice(this.#lowerBound(key), 1);
  }

  /** Applies a block's changes; many new keys are merged with one sort. */
  apply(changes: StateChanges): void {
    let added = 0;
    for (const [k, v] of changes) if (v !== null && !this.#map.has(k)) added++;
    if (added < 64) {
      for (const [k, v] of changes) (v === null ? this.delete(k) : this.set(k, v));
      return;
    }
    let removed = false;
    for (const [k, v] of changes) {
      if (v === null) removed = this.#map.delete(k) || removed;
      else this.#map.set(k, v);
    }
    this.#keys = [...this.#map.keys()].sort();
    void removed;
  }
}
