import type { Db } from './database.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Folds raw results older than `rawDays` into hourly rows (checks, up, degraded, latency average and
 * maximum, worst head lag) and drops hourly rows older than `keepDays`. One transaction: a crash
 * leaves either the raw rows or their hourly fold, never both or neither.
 */
export function downsample(db: Db, now: number, rawDays: number, keepDays: number): { folded: number; dropped: number } {
  const cutoff = Math.floor((now - rawDays * DAY) / HOUR) * HOUR;
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO hourly (target, location, hour, checks, up, degraded, latency_avg, latency_max, head_lag_max)
       SELECT target, location, (at / ${HOUR}) * ${HOUR} AS h, COUNT(*), SUM(status = 'up'), SUM(status = 'degraded'),
              AVG(latency_ms), MAX(latency_ms), MAX(head_lag)
       FROM results WHERE at < ? GROUP BY target, location, h
       ON CONFLICT (target, location, hour) DO UPDATE SET
         latency_avg = (hourly.latency_avg * hourly.checks + excluded.latency_avg * excluded.checks) / (hourly.checks + excluded.checks),
         checks = hourly.checks + excluded.checks, up = hourly.up + excluded.up, degraded = hourly.degraded + excluded.degraded,
         latency_max = MAX(hourly.latency_max, excluded.latency_max), head_lag_max = MAX(hourly.head_lag_max, excluded.head_lag_max)`,
    ).run(cutoff);
    const folded = db.prepare('DELETE FROM results WHERE at < ?').run(cutoff).changes;
    const dropped = db.prepare('DELETE FROM hourly WHERE hour < ?').run(now - keepDays * DAY).changes;
    return { folded, dropped };
  })();
}
