import type { CheckResult, Status } from '../checks/types.ts';
import type { Monitor } from '../monitor.ts';
import type { Incident } from '../store/incidents-store.ts';
import type { TargetRow } from '../store/results-store.ts';
import { computeUptime, type Uptime } from '../store/uptime.ts';

export type TargetState = Status | 'unknown';

export interface TargetView {
  name: string;
  url: string;
  provider: string;
  kind: string;
  subscription: string | null;
  active: boolean;
  state: TargetState;
  /** Locations that see it failing while no quorum agrees ("degraded from X"). */
  degradedFrom: string[];
  uptime: Uptime;
  openIncident: { id: number; cause: string; openedAt: number } | null;
  locations: { location: string; at: number; status: Status; failures: CheckResult['failures']; best?: number; finalized?: number; headLag?: number; finalityLag?: number; latencies: Record<string, number> }[];
}

/** The state shown for a target: from the quorum verdict and the open incident. */
function stateOf(m: Monitor, t: TargetRow, latest: CheckResult[], open: Incident | undefined): { state: TargetState; degradedFrom: string[] } {
  const v = m.engine.verdicts.get(t.name);
  if (open) return { state: open.severity === 'down' ? 'down' : 'degraded', degradedFrom: [] };
  if (!latest.length || !v) return { state: 'unknown', degradedFrom: [] };
  if (v.failing) return { state: latest.some((r) => r.status === 'down') ? 'down' : 'degraded', degradedFrom: [] };
  return { state: v.failingLocations.length ? 'degraded' : 'up', degradedFrom: v.failingLocations };
}

/** Everything the page and `/api/targets` show, computed once per request. */
export function targetViews(m: Monitor, now = Date.now()): { targets: TargetView[]; providers: { name: string; uptime: Uptime; targets: number; down: number }[] } {
  const rows = m.results.targets();
  const up = computeUptime(rows, m.incidents, now);
  const open = new Map(m.incidents.list({ openOnly: true }).map((i) => [i.target, i]));
  const targets = rows
    .filter((t) => t.active || open.has(t.name))
    .map((t): TargetView => {
      const latest = m.freshLatest(t.name, now);
      const o = open.get(t.name);
      return {
        name: t.name,
        url: t.url,
        provider: t.provider,
        kind: t.kind,
        subscription: t.subscription,
        active: t.active,
        ...stateOf(m, t, latest, o),
        uptime: up.targets.get(t.name)!,
        openIncident: o ? { id: o.id, cause: o.cause, openedAt: o.openedAt } : null,
        locations: latest.map((r) => ({ location: r.location, at: r.at, status: r.status, failures: r.failures, best: r.best, finalized: r.finalized, headLag: r.headLag, finalityLag: r.finalityLag, latencies: r.latencies })),
      };
    });
  const providers = [...up.providers].map(([name, uptime]) => ({ name, uptime, targets: targets.filter((t) => t.provider === name).length, down: targets.filter((t) => t.provider === name && t.state === 'down').length }));
  return { targets, providers };
}
