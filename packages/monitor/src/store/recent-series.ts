import type { CheckResult } from '../checks/types.ts';
import type { ResultsStore } from './results-store.ts';

const MINUTE = 60_000;
const KEEP = 24 * 60 * MINUTE;

interface Bucket {
  at: number;
  latSum: number;
  latN: number;
  lagMax: number | null;
}

/**
 * The last 24 h of every target in one-minute buckets, in memory, so the page's plots cost no
 * scan of the raw results (loaded once at start, then fed by every recorded result).
 */
export class RecentSeries {
  private readonly byTarget = new Map<string, Bucket[]>();

  load(results: ResultsStore, now: number): void {
    for (const [target, points] of results.buckets(now - KEEP, MINUTE)) {
      this.byTarget.set(target, points.map((p) => ({ at: p.at, latSum: p.latencyMs ?? 0, latN: p.latencyMs === null ? 0 : 1, lagMax: p.headLag })));
    }
  }

  add(r: CheckResult): void {
    const at = Math.floor(r.at / MINUTE) * MINUTE;
    const list = this.byTarget.get(r.target) ?? [];
    this.byTarget.set(r.target, list);
    let b = list.at(-1);
    if (!b || b.at !== at) {
      if (b && b.at > at) return; // late result of an older minute: the page can do without it
      b = { at, latSum: 0, latN: 0, lagMax: null };
      list.push(b);
      while (list.length && list[0]!.at < at - KEEP) list.shift();
    }
    const lat = Object.values(r.latencies);
    if (lat.length) (b.latSum += Math.max(...lat), b.latN++);
    if (r.headLag !== undefined) b.lagMax = Math.max(b.lagMax ?? 0, r.headLag);
  }

  /** Minute buckets since `from`. */
  points(target: string, from: number): { at: number; latencyMs: number | null; headLag: number | null }[] {
    return (this.byTarget.get(target) ?? []).filter((b) => b.at >= from).map((b) => ({ at: b.at, latencyMs: b.latN ? b.latSum / b.latN : null, headLag: b.lagMax }));
  }
}
