import { LRUCache } from 'lru-cache';
import type { UpstreamReply } from '../jsonrpc/upstream-reply.ts';
import { HASH_PARAM_INDEX, isBlockHash } from '../methods/method-kinds.ts';

/** Methods whose answer at a given block hash never changes, and where the hash is. */
const CACHEABLE = ['chain_getBlock', 'chain_getHeader', 'state_getStorage', 'state_getStorageAt', 'state_getStorageHash', 'state_getStorageSize', 'state_getMetadata', 'state_getRuntimeVersion', 'chain_getRuntimeVersion', 'state_call', 'state_callAt'];
const AT_HASH: Readonly<Record<string, number>> = Object.fromEntries(CACHEABLE.map((m) => [m, HASH_PARAM_INDEX[m]!]));

export interface ImmutableCacheOptions {
  maxEntries: number;
  maxBytes: number;
}

/**
 * Answers that cannot change: reads at an explicit block hash, and `chain_getBlockHash` of a
 * finalized number. Bounded LRU (entries and bytes); never holds errors or `null`.
 */
export class ImmutableCache {
  readonly #lru: LRUCache<string, UpstreamReply>;

  constructor(opts: ImmutableCacheOptions) {
    this.#lru = new LRUCache<string, UpstreamReply>({ max: opts.maxEntries, maxSize: opts.maxBytes, sizeCalculation: (r) => Math.max(1, r.size) });
  }

  /** The cache key when `method(params)` is immutable given `finalized`, else undefined. */
  keyFor(method: string, params: unknown, finalized: number): string | undefined {
    if (!Array.isArray(params)) return undefined;
    if (method === 'chain_getBlockHash') {
      const n = params[0];
      const num = typeof n === 'number' ? n : typeof n === 'string' && /^(0x[0-9a-f]+|\d+)$/i.test(n) ? Number(n) : NaN;
      return params.length === 1 && Number.isSafeInteger(num) && num >= 0 && num <= finalized ? `chain_getBlockHash:${num}` : undefined;
    }
    const i = AT_HASH[method];
    if (i === undefined || !isBlockHash(params[i])) return undefined;
    return `${method}:${JSON.stringify(params)}`;
  }

  get(key: string): UpstreamReply | undefined {
    return this.#lru.get(key);
  }

  set(key: string, reply: UpstreamReply): void {
    if (reply.isError || reply.isNull) return;
    this.#lru.set(key, reply);
  }

  get size(): number {
    return this.#lru.size;
  }
}
