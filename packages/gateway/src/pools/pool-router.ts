/** What a pool answers on (from its spec). */
export interface Routable {
  readonly name: string;
  readonly hosts: readonly string[];
  readonly paths: readonly string[];
  readonly catchAll: boolean;
}

/** The Host header without port (IPv6 brackets removed), lower case. */
export function hostName(header: string | undefined): string {
  if (!header) return '';
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const i = h.lastIndexOf(':');
  return i >= 0 && h.indexOf(':') === i ? h.slice(0, i) : h;
}

/**
 * Chooses the pool of a request: an exact host name first, then the longest wildcard suffix
 * (`*.example.com` matches `a.example.com`, not `example.com`), then the longest path prefix
 * (on a segment boundary), then the catch-all pool (one without hosts and paths), if any.
 */
export class PoolRouter<P extends Routable> {
  #pools: P[] = [];
  #exact = new Map<string, P>();
  #wild: Array<{ suffix: string; pool: P }> = [];
  #paths: Array<{ prefix: string; pool: P }> = [];
  #catchAll: P | undefined;

  constructor(pools: P[] = []) {
    this.set(pools);
  }

  /** Replaces the routing table (run-time reload). */
  set(pools: P[]): void {
    this.#pools = pools;
    this.#exact = new Map();
    this.#wild = [];
    this.#paths = [];
    this.#catchAll = pools.find((p) => p.catchAll);
    for (const p of pools) {
      for (const h of p.hosts) {
        if (h.startsWith('*.')) this.#wild.push({ suffix: h.slice(1), pool: p });
        else this.#exact.set(h, p);
      }
      for (const prefix of p.paths) this.#paths.push({ prefix, pool: p });
    }
    this.#wild.sort((a, b) => b.suffix.length - a.suffix.length);
    this.#paths.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  get pools(): readonly P[] {
    return this.#pools;
  }

  select(hostHeader: string | undefined, path: string): P | undefined {
    const host = hostName(hostHeader);
    const exact = this.#exact.get(host);
    if (exact) return exact;
    for (const w of this.#wild) if (host.endsWith(w.suffix) && host.length > w.suffix.length) return w.pool;
    for (const p of this.#paths) if (path === p.prefix || path.startsWith(`${p.prefix}/`)) return p.pool;
    return this.#catchAll;
  }

  /** What the gateway answers on, for the error an unknown host gets. */
  describe(): string {
    const names = this.#pools.flatMap((p) => [...p.hosts, ...p.paths]);
    return names.length ? names.join(', ') : '(no host names configured)';
  }
}
