import { CHECK_LABEL, SEVERITY, type CheckResult } from '../checks/types.ts';
import type { Incident, IncidentsStore } from '../store/incidents-store.ts';
import { quorumVerdict, type QuorumVerdict } from './quorum.ts';

export type IncidentChange =
  | { type: 'incident.opened'; incident: Incident }
  | { type: 'incident.updated'; incident: Incident }
  | { type: 'incident.closed'; incident: Incident };

export interface IncidentEngineOptions {
  store: IncidentsStore;
  failuresToOpen: number;
  successesToClose: number;
  quorum: number;
  onChange?: (c: IncidentChange) => void;
}

interface Streak {
  failing: number;
  passing: number;
}

/**
 * Opens an incident after `failuresToOpen` failing verdicts in a row (a verdict fails when a quorum
 * of locations fails), notes each change of cause, and closes it after `successesToClose` passing
 * ones. The open incident is read back from SQLite, so a restart carries it on.
 */
export class IncidentEngine {
  private readonly streaks = new Map<string, Streak>();
  /** The last verdict per target, for the page and the API. */
  readonly verdicts = new Map<string, QuorumVerdict>();

  constructor(private readonly o: IncidentEngineOptions) {}

  /** Judges one target from the latest result of each location; returns what changed. */
  judge(target: string, provider: string, latest: CheckResult[], now: number, aliveLocations?: number): IncidentChange | undefined {
    const v = quorumVerdict(latest, this.o.quorum, aliveLocations ?? latest.length);
    this.verdicts.set(target, v);
    const s = this.streaks.get(target) ?? { failing: 0, passing: 0 };
    this.streaks.set(target, s);
    if (v.failing) (s.failing++, (s.passing = 0));
    else (s.passing++, (s.failing = 0));
    const open = this.o.store.openFor(target);
    let change: IncidentChange | undefined;
    if (!open && v.failing && s.failing >= this.o.failuresToOpen && v.primary) {
      const p = v.primary;
      const cause = `${CHECK_LABEL[p.check]}: ${p.message}`;
      const detail = `${cause} (seen from ${v.failingLocations.join(', ')}; quorum ${v.quorum} of ${v.locations.length})`;
      change = { type: 'incident.opened', incident: this.o.store.open({ target, provider, check: p.check, severity: SEVERITY[p.check], cause, at: now, detail }) };
    } else if (open && v.failing && v.primary && v.primary.check !== this.lastCheck(open)) {
      this.o.store.addEvent(open.id, now, 'cause', `${CHECK_LABEL[v.primary.check]}: ${v.primary.message}`);
      change = { type: 'incident.updated', incident: this.o.store.get(open.id)! };
    } else if (open && !v.failing && s.passing >= this.o.successesToClose) {
      change = { type: 'incident.closed', incident: this.o.store.close(open.id, now, `recovered: ${s.passing} passing rounds from ${v.locations.join(', ')}`) };
    }
    if (change) this.o.onChange?.(change);
    return change;
  }

  forget(target: string): void {
    this.streaks.delete(target);
    this.verdicts.delete(target);
  }

  private lastCheck(i: Incident): string {
    const last = [...i.timeline].reverse().find((e) => e.kind === 'cause');
    if (!last) return i.check;
    const label = Object.entries(CHECK_LABEL).find(([, l]) => last.message.startsWith(`${l}:`));
    return label ? label[0] : i.check;
  }
}
