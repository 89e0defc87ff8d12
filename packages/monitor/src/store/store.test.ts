import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../checks/types.ts';
import { openDatabase } from './database.ts';
import { downsample } from './downsample.ts';
import { IncidentsStore } from './incidents-store.ts';
import { ResultsStore } from './results-store.ts';
import { computeUptime, DAY, dailyBars } from './uptime.ts';

const HOUR = 3_600_000;
const now = 200 * DAY;
const result = (at: number, status: CheckResult['status'], latency: number): CheckResult => ({ target: 'a', location: 'l', at, status, failures: [], latencies: { m: latency }, headLag: status === 'up' ? 0 : 3 });

describe('history', () => {
  it('folds results older than rawDays into hourly rows in one transaction, and drops rows older than keepDays', () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'mon-store-')));
    const rs = new ResultsStore(db);
    rs.addResults([result(now - 10 * DAY, 'up', 10), result(now - 10 * DAY + 1000, 'degraded', 30), result(now - 100 * DAY, 'up', 5), result(now - HOUR, 'up', 7)]);
    expect(downsample(db, now, 7, 90)).toEqual({ folded: 3, dropped: 1 });
    expect(rs.series('a', 0)).toHaveLength(1);
    expect(rs.hourlySeries('a', 0)).toEqual([{ at: now - 10 * DAY, latencyMs: 20, headLag: 3, checks: 2, up: 1 }]);
    // Idempotent: a second pass has nothing left to fold.
    expect(downsample(db, now, 7, 90)).toEqual({ folded: 0, dropped: 0 });
  });

  it('uptime per window comes from down incidents over the watched time; degraded ones do not count', () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'mon-store-')));
    const rs = new ResultsStore(db);
    const inc = new IncidentsStore(db);
    rs.syncTargets([{ name: 'a', url: 'ws://x', provider: 'p', kind: 'node', source: 'config' }], now - 10 * DAY);
    rs.syncTargets([{ name: 'a', url: 'ws://x', provider: 'p', kind: 'node', source: 'config' }], now);
    const down = inc.open({ target: 'a', provider: 'p', check: 'reachable', severity: 'down', cause: 'x', at: now - 2 * HOUR, detail: 'x' });
    inc.close(down.id, now - HOUR, 'back');
    inc.open({ target: 'a', provider: 'p', check: 'finality-lag', severity: 'degraded', cause: 'y', at: now - 3 * HOUR, detail: 'y' });
    const { targets, providers } = computeUptime(rs.targets(), inc, now);
    expect(targets.get('a')!['24h']).toBeCloseTo(23 / 24, 6);
    expect(targets.get('a')!['7d']).toBeCloseTo(1 - 1 / (7 * 24), 6);
    expect(targets.get('a')!['90d']).toBeCloseTo(1 - 1 / (10 * 24), 6);
    expect(providers.get('p')).toEqual(targets.get('a'));
    const bars = dailyBars(rs.targets()[0]!, inc, now);
    expect(bars).toHaveLength(90);
    expect(bars.filter((b) => b.uptime === null)).toHaveLength(80);
    expect(bars.at(-2)!.uptime).toBeCloseTo(1 - 1 / 24, 6);
    expect(bars.at(-2)!.incidents).toBe(2);
  });
});
