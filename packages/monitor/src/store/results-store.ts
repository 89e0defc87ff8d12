import type { CheckResult, Failure, Status } from '../checks/types.ts';
import type { Db } from './database.ts';

export interface TargetRow {
  name: string;
  url: string;
  provider: string;
  kind: string;
  subscription: string | null;
  source: string;
  firstSeen: number;
  lastSeen: number;
  active: boolean;
}

export interface SeriesPoint {
  at: number;
  latencyMs: number | null;
  headLag: number | null;
  status: Status;
}

/** Check results (raw, then hourly) and the targets they belong to. */
export class ResultsStore {
  private readonly insert;
  private readonly upsertTarget;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO results (target, location, at, status, failures, best, finalized, head_lag, finality_lag, latency_ms, latencies)
       VALUES (@target, @location, @at, @status, @failures, @best, @finalized, @headLag, @finalityLag, @latencyMs, @latencies)`,
    );
    this.upsertTarget = db.prepare(
      `INSERT INTO targets (name, url, provider, kind, subscription, source, first_seen, last_seen, active)
       VALUES (@name, @url, @provider, @kind, @subscription, @source, @now, @now, 1)
       ON CONFLICT (name) DO UPDATE SET url = excluded.url, provider = excluded.provider, kind = excluded.kind,
         subscription = excluded.subscription, source = excluded.source, last_seen = excluded.last_seen, active = 1`,
    );
  }

  /** Stores a batch of results in one transaction. */
  addResults(results: CheckResult[]): void {
    this.db.transaction(() => {
      for (const r of results) {
        const lat = Object.values(r.latencies);
        this.insert.run({
          target: r.target,
          location: r.location,
          at: r.at,
          status: r.status,
          failures: JSON.stringify(r.failures),
          best: r.best ?? null,
          finalized: r.finalized ?? null,
          headLag: r.headLag ?? null,
          finalityLag: r.finalityLag ?? null,
          latencyMs: lat.length ? Math.max(...lat) : null,
          latencies: JSON.stringify(r.latencies),
        });
      }
    })();
  }

  /** Registers targets as active (and every other one as gone). */
  syncTargets(targets: { name: string; url: string; provider: string; kind: string; subscription?: string; source: string }[], now: number): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE targets SET active = 0').run();
      for (const t of targets) this.upsertTarget.run({ ...t, subscription: t.subscription ?? null, now });
    })();
  }

  targets(): TargetRow[] {
    return (this.db.prepare('SELECT * FROM targets ORDER BY provider, name').all() as Record<string, unknown>[]).map((r) => ({
      name: r.name as string,
      url: r.url as string,
      provider: r.provider as string,
      kind: r.kind as string,
      subscription: r.subscription as string | null,
      source: r.source as string,
      firstSeen: r.first_seen as number,
      lastSeen: r.last_seen as number,
      active: r.active === 1,
    }));
  }

  /** The latest result of each location for a target. */
  latest(target: string): CheckResult[] {
    const rows = this.db
      .prepare('SELECT r.* FROM results r JOIN (SELECT location, MAX(at) at FROM results WHERE target = ? GROUP BY location) m ON r.location = m.location AND r.at = m.at WHERE r.target = ?')
      .all(target, target) as Record<string, unknown>[];
    return rows.map(rowToResult);
  }

  /** Raw points since `from` (latency = the slowest probe call of the round). */
  series(target: string, from: number, location?: string): SeriesPoint[] {
    const rows = this.db
      .prepare(`SELECT at, latency_ms, head_lag, status FROM results WHERE target = ? AND at >= ? ${location ? 'AND location = ?' : ''} ORDER BY at`)
      .all(...(location ? [target, from, location] : [target, from])) as { at: number; latency_ms: number | null; head_lag: number | null; status: Status }[];
    return rows.map((r) => ({ at: r.at, latencyMs: r.latency_ms, headLag: r.head_lag, status: r.status }));
  }

  /** Every target's points since `from` in buckets of `bucketMs` (average latency, worst head lag), in one query. */
  buckets(from: number, bucketMs: number): Map<string, { at: number; latencyMs: number | null; headLag: number | null }[]> {
    const rows = this.db
      .prepare(`SELECT target, (at / ${bucketMs}) * ${bucketMs} AS b, AVG(latency_ms) l, MAX(head_lag) h FROM results WHERE at >= ? GROUP BY target, b ORDER BY target, b`)
      .all(from) as { target: string; b: number; l: number | null; h: number | null }[];
    const out = new Map<string, { at: number; latencyMs: number | null; headLag: number | null }[]>();
    for (const r of rows) {
      const list = out.get(r.target) ?? [];
      list.push({ at: r.b, latencyMs: r.l, headLag: r.h });
      out.set(r.target, list);
    }
    return out;
  }

  /** Hourly points (folded history) since `from`. */
  hourlySeries(target: string, from: number): { at: number; latencyMs: number | null; headLag: number | null; checks: number; up: number }[] {
    return (this.db.prepare('SELECT hour, latency_avg, head_lag_max, checks, up FROM hourly WHERE target = ? AND hour >= ? ORDER BY hour').all(target, from) as Record<string, number | null>[]).map((r) => ({
      at: r.hour as number,
      latencyMs: r.latency_avg ?? null,
      headLag: r.head_lag_max ?? null,
      checks: r.checks as number,
      up: r.up as number,
    }));
  }
}

export function rowToResult(r: Record<string, unknown>): CheckResult {
  return {
    target: r.target as string,
    location: r.location as string,
    at: r.at as number,
    status: r.status as Status,
    failures: JSON.parse(r.failures as string) as Failure[],
    best: (r.best as number | null) ?? undefined,
    finalized: (r.finalized as number | null) ?? undefined,
    headLag: (r.head_lag as number | null) ?? undefined,
    finalityLag: (r.finality_lag as number | null) ?? undefined,
    latencies: JSON.parse(r.latencies as string) as Record<string, number>,
  };
}
