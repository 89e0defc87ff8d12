import { u8aToHex } from '@polkadot/util';
import { codecOf, type Codec } from '../scale/codec.ts';
import { decodeExact } from '../scale/decode.ts';
import { hexToBytes } from '../scale/hex.ts';
import type { TypeDesc } from '../scale/type-desc.ts';
import { hashKey, hasherPrefixLength, twox128, type StorageHasher } from '../hashing.ts';
import type { StateAccess, StateReader } from './state.ts';

export interface StorageOptions<V> {
  docs?: string[];
  /** ValueQuery default; without it the item is an OptionQuery (get returns undefined). */
  default?: V;
}

/** What the metadata builder needs to know about a storage item. */
export interface StorageMeta {
  name: string;
  kind: 'plain' | 'map';
  hashers: StorageHasher[];
  keys: TypeDesc[];
  value: TypeDesc;
  hasDefault: boolean;
  defaultBytes: Uint8Array;
  docs: string[];
}

abstract class StorageItem<V> {
  readonly prefix: string;
  #valueCodec?: Codec<V>;

  constructor(
    readonly pallet: string,
    readonly name: string,
    readonly value: TypeDesc,
    readonly opts: StorageOptions<V>,
  ) {
    this.prefix = u8aToHex(new Uint8Array([...twox128(pallet), ...twox128(name)]));
  }

  /** Built on first use, so value types may refer to the runtime's outer enums. */
  get valueCodec(): Codec<V> {
    this.#valueCodec ??= codecOf<V>(this.value);
    return this.#valueCodec;
  }

  abstract meta(): StorageMeta;

  protected read(state: StateReader, key: string): V | undefined {
    const raw = state.get(key);
    // A copy: callers may mutate what they read before writing it back.
    if (raw === undefined) return this.opts.default === undefined ? undefined : structuredClone(this.opts.default);
    return decodeExact<V>(this.valueCodec, raw, `${this.pallet}.${this.name}`);
  }

  protected baseMeta(kind: 'plain' | 'map', hashers: StorageHasher[], keys: TypeDesc[]): StorageMeta {
    const hasDefault = this.opts.default !== undefined;
    return {
      name: this.name,
      kind,
      hashers,
      keys,
      value: this.value,
      hasDefault,
      defaultBytes: hasDefault ? this.valueCodec.enc(this.opts.default as V) : new Uint8Array([0]),
      docs: this.opts.docs ?? [],
    };
  }
}

export class StorageValue<V> extends StorageItem<V> {
  meta(): StorageMeta {
    return this.baseMeta('plain', [], []);
  }
  key(): string {
    return this.prefix;
  }
  get(state: StateReader): V | undefined {
    return this.read(state, this.prefix);
  }
  set(state: StateAccess, value: V): void {
    state.set(this.prefix, this.valueCodec.enc(value));
  }
  kill(state: StateAccess): void {
    state.delete(this.prefix);
  }
}

/** A map with one or more keys (StorageMap / StorageDoubleMap / StorageNMap). */
/** Most memoized keys per single-key map (hot accounts are looked up several times per extrinsic). */
const KEY_MEMO_LIMIT = 65_536;

export class StorageMap<K extends unknown[], V> extends StorageItem<V> {
  #keyCodecsCache?: Codec[];
  /** Full keys of a single-key map by its string key (e.g. AccountId hex), bounded. */
  readonly #keyMemo = new Map<string, string>();

  constructor(
    pallet: string,
    name: string,
    readonly keyTypes: TypeDesc[],
    readonly hashers: StorageHasher[],
    value: TypeDesc,
    opts: StorageOptions<V>,
  ) {
    super(pallet, name, value, opts);
    if (keyTypes.length !== hashers.length || keyTypes.length === 0) throw new Error(`${name}: one hasher per key`);
  }

  get #keyCodecs(): Codec[] {
    this.#keyCodecsCache ??= this.keyTypes.map((t) => codecOf(t));
    return this.#keyCodecsCache;
  }

  meta(): StorageMeta {
    return this.baseMeta('map', this.hashers, this.keyTypes);
  }

  /** Full storage key, or a prefix when fewer keys than the map has are given. */
  key(...keys: Partial<K>): string {
    const memoizable = keys.length === 1 && this.keyTypes.length === 1 && typeof keys[0] === 'string';
    if (memoizable) {
      const hit = this.#keyMemo.get(keys[0] as string);
      if (hit !== undefined) return hit;
    }
    let out = this.prefix;
    keys.forEach((k, i) => {
      out += u8aToHex(hashKey(this.hashers[i]!, this.#keyCodecs[i]!.enc(k))).slice(2);
    });
    if (memoizable) {
      if (this.#keyMemo.size >= KEY_MEMO_LIMIT) this.#keyMemo.clear();
      this.#keyMemo.set(keys[0] as string, out);
    }
    return out;
  }

  get(state: StateReader, ...keys: K): V | undefined {
    return this.read(state, this.key(...keys));
  }
  contains(state: StateReader, ...keys: K): boolean {
    return state.get(this.key(...keys)) !== undefined;
  }
  set(state: StateAccess, ...args: [...K, V]): void {
    const value = args.pop() as V;
    state.set(this.key(...(args as unknown as K)), this.valueCodec.enc(value));
  }
  remove(state: StateAccess, ...keys: K): void {
    state.delete(this.key(...keys));
  }

  /** Decodes the keys of a full storage key (only for transparent hashers: *Concat, Identity). */
  decodeKey(fullKey: string): K {
    const bytes = hexToBytes(fullKey).slice(32);
    const out: unknown[] = [];
    let offset = 0;
    this.hashers.forEach((h, i) => {
      const skip = hasherPrefixLength(h);
      if (skip === undefined) throw new Error(`${this.name}: hasher ${h} is not reversible`);
      offset += skip;
      const rest = bytes.slice(offset);
      const codec = this.#keyCodecs[i]!;
      const value = codec.dec(rest);
      out.push(value);
      offset += codec.enc(value).length;
    });
    return out as K;
  }

  /** Entries under an optional key prefix, in key order. */
  entries(state: StateReader, ...prefixKeys: unknown[]): Array<[K, V]> {
    const prefix = this.key(...(prefixKeys as Partial<K>));
    return state.keysWithPrefix(prefix).map((k) => [this.decodeKey(k), decodeExact<V>(this.valueCodec, state.get(k)!)]);
  }
}

/** Builders bound to one pallet's storage prefix. */
export function storageFor(pallet: string) {
  return {
    value: <V>(name: string, type: TypeDesc, opts: StorageOptions<V> = {}) => new StorageValue<V>(pallet, name, type, opts),
    map: <K, V>(name: string, hasher: StorageHasher, key: TypeDesc, value: TypeDesc, opts: StorageOptions<V> = {}) =>
      new StorageMap<[K], V>(pallet, name, [key], [hasher], value, opts),
    doubleMap: <K1, K2, V>(
      name: string,
      hashers: [StorageHasher, StorageHasher],
      keys: [TypeDesc, TypeDesc],
      value: TypeDesc,
      opts: StorageOptions<V> = {},
    ) => new StorageMap<[K1, K2], V>(pallet, name, keys, hashers, value, opts),
  };
}
