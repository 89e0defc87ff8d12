import type { ChainPool } from '../pools/chain-pool.ts';
import type { Upstream } from '../upstream/upstream.ts';

export interface UpstreamStatus {
  name: string;
  url: string;
  usable: boolean;
  connected: boolean;
  draining: boolean;
  /** Routing score: (outstanding + 1) x EWMA latency in ms (lower is better). */
  score: number;
  latencyMs: number;
  outstanding: number;
  sessions: number;
  subscriptions: number;
  best: number | undefined;
  finalized: number | undefined;
  /** Blocks behind the pool's most advanced upstream. */
  lag: number | undefined;
  /** When it last joined or left the rotation. */
  since: string;
  /** Why it is out of the rotation (absent while usable). */
  excluded?: { reasons: string[]; since: string };
}

export interface PoolStatus {
  name: string;
  hosts: string[];
  paths: string[];
  catchAll: boolean;
  chain: string | undefined;
  genesisHash: string | undefined;
  usable: number;
  sessions: number;
  /** The read latency quantile hedging waits for (ms). */
  hedgeAfterMs: number | undefined;
  upstreams: UpstreamStatus[];
}

export interface GatewayStatus {
  pools: PoolStatus[];
  /** Recent scaling decisions reported to the gateway (newest first). */
  scaling: Array<Record<string, unknown>>;
}

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

function upstreamStatus(u: Upstream, top: number): UpstreamStatus {
  const connected = u.client.isOpen;
  const reasons = u.draining ? ['draining (being removed)'] : connected ? u.verdict.reasons : ['disconnected'];
  const best = u.sample ? Math.max(u.best, u.sample.best) : undefined;
  const s: UpstreamStatus = {
    name: u.name,
    url: u.client.url,
    usable: u.usable,
    connected,
    draining: u.draining,
    score: round(u.score * 1000, 3),
    latencyMs: round(u.client.latency.value * 1000, 3),
    outstanding: u.client.outstanding,
    sessions: u.sessions,
    subscriptions: u.client.subscriptions,
    best,
    finalized: u.sample?.finalized,
    lag: best !== undefined && top > 0 ? Math.max(0, top - best) : undefined,
    since: new Date(u.changedAt).toISOString(),
  };
  if (!u.usable) s.excluded = { reasons: reasons.length ? reasons : ['not probed yet'], since: s.since };
  return s;
}

/** What `/status` shows: every pool and upstream with score, lag, sessions, and why each excluded one is out. */
export function poolStatus(p: ChainPool): PoolStatus {
  const top = p.pool.upstreams.reduce((m, u) => Math.max(m, u.best, u.sample?.best ?? 0), 0);
  const q = p.latency.quantile(0.9);
  return {
    name: p.name,
    hosts: p.hosts,
    paths: p.paths,
    catchAll: p.catchAll,
    chain: p.monitor.identity.chain,
    genesisHash: p.monitor.identity.genesisHash,
    usable: p.pool.usable().length,
    sessions: p.sessions.size,
    hedgeAfterMs: Number.isFinite(q) ? round(q * 1000, 3) : undefined,
    upstreams: p.pool.upstreams.map((u) => upstreamStatus(u, top)),
  };
}

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The plain HTML view of the same data (no scripts, no styles beyond a table border). */
export function statusHtml(s: GatewayStatus): string {
  const pools = s.pools
    .map((p) => {
      const rows = p.upstreams
        .map((u) => `<tr><td>${esc(u.name)}</td><td>${esc(u.url)}</td><td>${u.usable ? 'in' : 'out'}</td><td>${u.score}</td><td>${u.latencyMs}</td><td>${u.outstanding}</td><td>${u.sessions}</td><td>${esc(u.best)}</td><td>${esc(u.lag)}</td><td>${u.excluded ? `${esc(u.excluded.reasons.join('; '))} (since ${esc(u.excluded.since)})` : `since ${esc(u.since)}`}</td></tr>`)
        .join('\n');
      const sel = [...p.hosts, ...p.paths].join(', ') || '(any host)';
      return `<h2>${esc(p.name)}</h2>\n<p>${esc(sel)} &middot; ${esc(p.chain ?? '?')} ${esc(p.genesisHash ?? '')} &middot; ${p.usable} usable &middot; ${p.sessions} sessions${p.hedgeAfterMs !== undefined ? ` &middot; hedge after p90 ${p.hedgeAfterMs} ms` : ''}</p>\n<table border="1" cellpadding="4">\n<tr><th>upstream</th><th>url</th><th>rotation</th><th>score</th><th>latency ms</th><th>in flight</th><th>sessions</th><th>best</th><th>lag</th><th>state</th></tr>\n${rows}\n</table>`;
    })
    .join('\n');
  const scaling = s.scaling.length ? `<h2>scaling</h2>\n<ul>\n${s.scaling.map((d) => `<li>${esc(JSON.stringify(d))}</li>`).join('\n')}\n</ul>` : '';
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>dinfra-gateway status</title></head><body>\n<h1>dinfra-gateway</h1>\n${pools}\n${scaling}\n</body></html>\n`;
}
