import { LRUCache } from 'lru-cache';

/** The highest block number a client has been served: what it sees must never go below. */
export class HeadFloor {
  value = 0;

  raise(n: number): void {
    if (n > this.value) this.value = n;
  }
}

/** Floors of HTTP callers (by IP and API key), the least recently seen forgotten first. */
export class HttpFloors {
  readonly #floors = new LRUCache<string, HeadFloor>({ max: 10_000 });

  of(ip: string, apiKey: string | undefined): HeadFloor {
    const k = apiKey !== undefined ? `k:${apiKey}` : `i:${ip}`;
    let f = this.#floors.get(k);
    if (!f) this.#floors.set(k, (f = new HeadFloor()));
    return f;
  }
}

/** Reads of "the latest" block whose answer carries a block number (checked against the floor). */
export function headNumberOf(method: string, params: unknown, result: unknown): number | undefined {
  if (Array.isArray(params) && params.length > 0 && params[0] !== null && params[0] !== undefined) return undefined;
  const hex = method === 'chain_getHeader' ? (result as { number?: unknown } | null)?.number : method === 'chain_getBlock' ? (result as { block?: { header?: { number?: unknown } } } | null)?.block?.header?.number : undefined;
  return typeof hex === 'string' ? Number(hex) : undefined;
}

/** Methods whose answer is a head (or at the head) when no block is named. */
export const HEAD_READS: ReadonlySet<string> = new Set(['chain_getHeader', 'chain_getBlock']);
