import type { IncidentsStore } from './incidents-store.ts';
import type { TargetRow } from './results-store.ts';

export const DAY = 86_400_000;
export const WINDOWS = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '90d': 90 * DAY } as const;
export type WindowName = keyof typeof WINDOWS;

/** Fraction of watched time not inside a `down` incident (null: not watched in the window). */
export type Uptime = Record<WindowName, number | null>;

interface Acc {
  observed: number;
  down: number;
}

const observedSpan = (t: TargetRow, from: number, to: number): number => Math.max(0, Math.min(to, t.active ? to : t.lastSeen) - Math.max(from, t.firstSeen));

/**
 * Uptime per target and per provider over 24 h / 7 d / 30 d / 90 d, from incident spans (so it
 * follows the quorum's verdict, not one location's). Degraded incidents do not count as down.
 */
export function computeUptime(targets: TargetRow[], incidents: IncidentsStore, now: number): { targets: Map<string, Uptime>; providers: Map<string, Uptime> } {
  const spans = incidents.downSpans(now - WINDOWS['90d'], now).filter((s) => s.severity === 'down');
  const byTarget = new Map<string, Uptime>();
  const byProvider = new Map<string, Record<WindowName, Acc>>();
  for (const t of targets) {
    const u = {} as Uptime;
    const mine = spans.filter((s) => s.target === t.name);
    for (const [w, len] of Object.entries(WINDOWS) as [WindowName, number][]) {
      const from = now - len;
      const observed = observedSpan(t, from, now);
      const down = mine.reduce((sum, s) => sum + Math.max(0, Math.min(s.to, now) - Math.max(s.from, from, t.firstSeen)), 0);
      u[w] = observed > 0 ? Math.max(0, 1 - down / observed) : null;
      const p = byProvider.get(t.provider) ?? ({ '24h': { observed: 0, down: 0 }, '7d': { observed: 0, down: 0 }, '30d': { observed: 0, down: 0 }, '90d': { observed: 0, down: 0 } } as Record<WindowName, Acc>);
      p[w].observed += observed;
      p[w].down += Math.min(down, observed);
      byProvider.set(t.provider, p);
    }
    byTarget.set(t.name, u);
  }
  const providers = new Map<string, Uptime>();
  for (const [p, acc] of byProvider) {
    const u = {} as Uptime;
    for (const w of Object.keys(WINDOWS) as WindowName[]) u[w] = acc[w].observed > 0 ? 1 - acc[w].down / acc[w].observed : null;
    providers.set(p, u);
  }
  return { targets: byTarget, providers };
}

/** One bar per day over `days` days (oldest first): uptime of that day, null where not watched. */
export function dailyBars(target: TargetRow, incidents: IncidentsStore, now: number, days = 90, allSpans?: ReturnType<IncidentsStore['downSpans']>): { day: number; uptime: number | null; incidents: number }[] {
  const start = Math.floor(now / DAY) * DAY - (days - 1) * DAY;
  const spans = (allSpans ?? incidents.downSpans(start, now)).filter((s) => s.target === target.name);
  const bars = [];
  for (let i = 0; i < days; i++) {
    const from = start + i * DAY;
    const to = Math.min(from + DAY, now);
    const observed = observedSpan(target, from, to);
    const overlapping = spans.filter((s) => s.to >= from && s.from <= to);
    const down = overlapping.filter((s) => s.severity === 'down').reduce((sum, s) => sum + Math.max(0, Math.min(s.to, to) - Math.max(s.from, from, target.firstSeen)), 0);
    bars.push({ day: from, uptime: observed > 0 ? Math.max(0, 1 - down / observed) : null, incidents: overlapping.length });
  }
  return bars;
}
