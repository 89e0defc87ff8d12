/**
 * Reads a dinfra-gateway's Prometheus text for one pool: its request counter and latency
 * histogram (summed over methods and upstreams). Two reads give requests/s and the p95 of the
 * requests in between.
 */
export interface PoolCounters {
  at: number;
  requests: number;
  /** Cumulative count per histogram bucket bound (seconds; +Inf last). */
  buckets: Map<number, number>;
}

const LINE = /^([a-z_]+)\{([^}]*)\} ([0-9.eE+-]+|\+Inf|NaN)$/;

function labels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

export function poolCounters(metricsText: string, pool: string, at = Date.now()): PoolCounters {
  let requests = 0;
  const buckets = new Map<number, number>();
  for (const line of metricsText.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const l = labels(m[2]!);
    if (l.pool !== pool) continue;
    const v = Number(m[3]);
    if (m[1] === 'gateway_requests_total') requests += v;
    else if (m[1] === 'gateway_request_duration_seconds_bucket' && l.method !== undefined && !l.method.includes('subscribe')) {
      const le = l.le === '+Inf' ? Infinity : Number(l.le);
      buckets.set(le, (buckets.get(le) ?? 0) + v);
    }
  }
  return { at, requests, buckets };
}

/** Requests/s and p95 (ms, the bucket's upper bound; NaN without requests) between two reads. */
export function rateBetween(a: PoolCounters, b: PoolCounters): { rps: number; p95Ms: number } {
  const seconds = Math.max(0.001, (b.at - a.at) / 1000);
  const rps = Math.max(0, b.requests - a.requests) / seconds;
  const bounds = [...b.buckets.keys()].sort((x, y) => x - y);
  const delta = bounds.map((le) => Math.max(0, (b.buckets.get(le) ?? 0) - (a.buckets.get(le) ?? 0)));
  const total = delta[delta.length - 1] ?? 0;
  if (total === 0) return { rps, p95Ms: NaN };
  const i = delta.findIndex((c) => c >= 0.95 * total);
  const le = bounds[i]!;
  return { rps, p95Ms: Number.isFinite(le) ? le * 1000 : (bounds[bounds.length - 2] ?? 0) * 1000 };
}
