import type { GatewayConfig } from './schema.ts';

/** One pool as the gateway runs it (the config's `pools` plus the default pool of bare `upstreams`). */
export interface PoolSpec {
  name: string;
  hosts: string[];
  paths: string[];
  upstreams: Array<{ url: string; name?: string | undefined }>;
  chain?: string | undefined;
  genesisHash?: string | undefined;
  /** Selected when no pool claims the request's host or path. */
  catchAll: boolean;
}

/** The pool the bare `--upstream URL` / `upstreams:` entries belong to. */
export const DEFAULT_POOL = 'default';

const entry = (u: string | { url: string; name?: string | undefined }) => (typeof u === 'string' ? { url: u } : u);

/**
 * The configured pools: `pools` as written, and `upstreams` as the pool `default` (merged into a
 * declared `default`). A pool with neither hosts nor paths answers every request no other pool
 * claims; `health.chain` and `health.genesisHash` apply to the default pool.
 */
export function poolSpecs(c: GatewayConfig): PoolSpec[] {
  const specs: PoolSpec[] = c.pools.map((p) => ({ name: p.name, hosts: p.hosts, paths: p.paths, upstreams: p.upstreams.map(entry), chain: p.chain, genesisHash: p.genesisHash, catchAll: p.hosts.length === 0 && p.paths.length === 0 }));
  if (c.upstreams.length > 0) {
    const named = specs.find((p) => p.name === DEFAULT_POOL);
    if (named) named.upstreams.push(...c.upstreams.map(entry));
    else specs.push({ name: DEFAULT_POOL, hosts: [], paths: [], upstreams: c.upstreams.map(entry), chain: c.health.chain, genesisHash: c.health.genesisHash, catchAll: true });
  }
  const dflt = specs.find((p) => p.name === DEFAULT_POOL);
  if (dflt) {
    dflt.chain ??= c.health.chain;
    dflt.genesisHash ??= c.health.genesisHash;
  }
  return specs;
}
