/**
 * State access for the runtime. Keys and prefixes are lower-case 0x-hex strings, which sort
 * like their bytes. The node supplies the backend; the runtime layers overlays on top of it.
 */
export interface StateReader {
  get(key: string): Uint8Array | undefined;
  /** Sorted keys that start with `prefix` (present keys only). */
  keysWithPrefix(prefix: string): string[];
}

export interface StateAccess extends StateReader {
  set(key: string, value: Uint8Array): void;
  delete(key: string): void;
}

/** A change set: `null` means deleted. */
export type StateChanges = Map<string, Uint8Array | null>;

/** A write overlay over a reader; `commit()` merges it into the parent overlay. */
export class Overlay implements StateAccess {
  readonly changes: StateChanges = new Map();
  /** Values read from the parent (null = absent); only when the parent does not change meanwhile. */
  readonly #reads: Map<string, Uint8Array | null> | undefined;

  /** `cacheReads`: remember what the parent returned (only for a parent that stays unchanged while this overlay lives). */
  constructor(
    readonly parent: StateReader,
    cacheReads = false,
  ) {
    if (cacheReads) this.#reads = new Map();
  }

  get(key: string): Uint8Array | undefined {
    const v = this.changes.get(key);
    if (v !== undefined) return v ?? undefined;
    const reads = this.#reads;
    if (!reads) return this.parent.get(key);
    const cached = reads.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const value = this.parent.get(key);
    reads.set(key, value ?? null);
    return value;
  }

  set(key: string, value: Uint8Array): void {
    this.changes.set(key, value);
  }

  delete(key: string): void {
    this.changes.set(key, null);
  }

  keysWithPrefix(prefix: string): string[] {
    const keys = new Set(this.parent.keysWithPrefix(prefix));
    for (const [k, v] of this.changes) {
      if (!k.startsWith(prefix)) continue;
      if (v === null) keys.delete(k);
      else keys.add(k);
    }
    return [...keys].sort();
  }

  /** Writes this overlay's changes into `target` (the parent, when it is an overlay). */
  commitTo(target: StateAccess): void {
    for (const [k, v] of this.changes) {
      if (v === null) target.delete(k);
      else target.set(k, v);
    }
  }
}

/** A read-only state held in a Map (genesis building, tests). */
export class MapState implements StateAccess {
  constructor(readonly map = new Map<string, Uint8Array>()) {}
  get(key: string): Uint8Array | undefined {
    return this.map.get(key);
  }
  set(key: string, value: Uint8Array): void {
    this.map.set(key, value);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  keysWithPrefix(prefix: string): string[] {
    return [...this.map.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
