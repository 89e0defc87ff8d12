/** Per chain and method usage from access-log records: counts, errors, latency quantiles, bytes, top callers. */

export interface AccessLine {
  time: number;
  pool?: string;
  method: string;
  latencyMs: number;
  reqBytes: number;
  resBytes: number;
  status: 'ok' | number;
  key?: string;
  ip?: string;
  /** The fraction of successful calls the gateway kept (1 when absent). */
  sample?: number;
}

export interface MethodStats {
  pool: string;
  method: string;
  count: number;
  errors: number;
  errorRate: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  bytesIn: number;
  bytesOut: number;
  /** Callers by API key (`-` for calls without one), most calls first. */
  topCallers: Array<{ key: string; count: number }>;
}

/** Latencies kept per method for the quantiles (a uniform reservoir beyond this many). */
const RESERVOIR = 20_000;

class Acc {
  count = 0;
  errors = 0;
  bytesIn = 0;
  bytesOut = 0;
  seen = 0;
  readonly lat: number[] = [];
  readonly callers = new Map<string, number>();

  add(l: AccessLine): void {
    const w = l.status === 'ok' && l.sample && l.sample > 0 ? 1 / l.sample : 1;
    this.count += w;
    if (l.status !== 'ok') this.errors += 1;
    this.bytesIn += l.reqBytes * w;
    this.bytesOut += l.resBytes * w;
    const key = l.key ?? '-';
    this.callers.set(key, (this.callers.get(key) ?? 0) + w);
    this.seen++;
    if (this.lat.length < RESERVOIR) this.lat.push(l.latencyMs);
    else {
      const j = Math.floor(Math.random() * this.seen);
      if (j < RESERVOIR) this.lat[j] = l.latencyMs;
    }
  }
}

const q = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);

/** Accumulates lines; `result()` gives one row per chain and method, slowest (p95) first. */
export class UsageStats {
  readonly #by = new Map<string, Acc>();
  lines = 0;
  first: number | undefined;
  last: number | undefined;

  add(l: AccessLine): void {
    const k = `${l.pool ?? 'default'}\u0000${l.method}`;
    let a = this.#by.get(k);
    if (!a) this.#by.set(k, (a = new Acc()));
    a.add(l);
    this.lines++;
    this.first = Math.min(this.first ?? l.time, l.time);
    this.last = Math.max(this.last ?? l.time, l.time);
  }

  result(topCallers = 3): MethodStats[] {
    const rows: MethodStats[] = [];
    for (const [k, a] of this.#by) {
      const [pool, method] = k.split('\u0000') as [string, string];
      const sorted = [...a.lat].sort((x, y) => x - y);
      rows.push({
        pool,
        method,
        count: Math.round(a.count),
        errors: a.errors,
        errorRate: a.count ? a.errors / a.count : 0,
        p50Ms: q(sorted, 0.5),
        p95Ms: q(sorted, 0.95),
        p99Ms: q(sorted, 0.99),
        bytesIn: Math.round(a.bytesIn),
        bytesOut: Math.round(a.bytesOut),
        topCallers: [...a.callers].sort((x, y) => y[1] - x[1]).slice(0, topCallers).map(([key, count]) => ({ key, count: Math.round(count) })),
      });
    }
    return rows.sort((a, b) => a.pool.localeCompare(b.pool) || b.p95Ms - a.p95Ms || b.count - a.count);
  }
}

/** One access-log line (JSON, `"name":"access"`), or undefined for any other line. */
export function parseAccessLine(text: string): AccessLine | undefined {
  if (!text.includes('"name":"access"')) return undefined;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (o.name !== 'access' || typeof o.method !== 'string' || typeof o.time !== 'number') return undefined;
  const status = o.status === 'ok' ? 'ok' : typeof o.status === 'number' ? o.status : -32603;
  return {
    time: o.time,
    pool: typeof o.pool === 'string' ? o.pool : undefined,
    method: o.method,
    latencyMs: Number(o.latencyMs) || 0,
    reqBytes: Number(o.reqBytes) || 0,
    resBytes: Number(o.resBytes) || 0,
    status,
    key: typeof o.key === 'string' ? o.key : undefined,
    ip: typeof o.ip === 'string' ? o.ip : undefined,
    sample: typeof o.sample === 'number' ? o.sample : undefined,
  };
}

/** `24h`, `90m`, `7d`, `30s` (a duration back from now) or an ISO date; ms since the epoch. */
export function parseSince(v: string, now = Date.now()): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h|d)$/.exec(v.trim());
  if (m) return now - Number(m[1]) * { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[m[2] as 's' | 'm' | 'h' | 'd'];
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new Error(`--since "${v}" is neither a duration (24h, 90m, 7d) nor a date`);
  return t;
}
