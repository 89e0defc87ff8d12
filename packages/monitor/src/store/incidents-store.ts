import type { CheckName, Severity } from '../checks/types.ts';
import type { Db } from './database.ts';

export type IncidentEventKind = 'opened' | 'cause' | 'note' | 'closed';

export interface IncidentEvent {
  id: number;
  at: number;
  kind: IncidentEventKind;
  message: string;
  author: string | null;
}

export interface Incident {
  id: number;
  target: string;
  provider: string;
  check: CheckName;
  severity: Severity;
  cause: string;
  openedAt: number;
  closedAt: number | null;
  timeline: IncidentEvent[];
}

type Row = { id: number; target: string; provider: string; check_name: string; severity: string; cause: string; opened_at: number; closed_at: number | null };

/** Incidents and their timelines (opened, cause changes, operator notes, closed). */
export class IncidentsStore {
  constructor(private readonly db: Db) {}

  open(i: { target: string; provider: string; check: CheckName; severity: Severity; cause: string; at: number; detail: string }): Incident {
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare('INSERT INTO incidents (target, provider, check_name, severity, cause, opened_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(i.target, i.provider, i.check, i.severity, i.cause, i.at).lastInsertRowid,
      );
      this.addEvent(id, i.at, 'opened', i.detail);
      return this.get(id)!;
    })();
  }

  close(id: number, at: number, message: string): Incident {
    return this.db.transaction(() => {
      this.db.prepare('UPDATE incidents SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(at, id);
      this.addEvent(id, at, 'closed', message);
      return this.get(id)!;
    })();
  }

  addEvent(incidentId: number, at: number, kind: IncidentEventKind, message: string, author?: string): IncidentEvent {
    const id = Number(this.db.prepare('INSERT INTO incident_events (incident_id, at, kind, message, author) VALUES (?, ?, ?, ?, ?)').run(incidentId, at, kind, message, author ?? null).lastInsertRowid);
    return { id, at, kind, message, author: author ?? null };
  }

  get(id: number): Incident | undefined {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Row | undefined;
    return row ? this.withTimeline(row) : undefined;
  }

  openFor(target: string): Incident | undefined {
    const row = this.db.prepare('SELECT * FROM incidents WHERE target = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1').get(target) as Row | undefined;
    return row ? this.withTimeline(row) : undefined;
  }

  /** Incidents that overlap [from, now], newest first, optionally of one target or provider. */
  list(o: { from?: number; target?: string; provider?: string; openOnly?: boolean; limit?: number } = {}): Incident[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (o.from !== undefined) (where.push('(closed_at IS NULL OR closed_at >= ?)'), args.push(o.from));
    if (o.target !== undefined) (where.push('target = ?'), args.push(o.target));
    if (o.provider !== undefined) (where.push('provider = ?'), args.push(o.provider));
    if (o.openOnly) where.push('closed_at IS NULL');
    const rows = this.db.prepare(`SELECT * FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at DESC LIMIT ?`).all(...args, o.limit ?? 500) as Row[];
    return rows.map((r) => this.withTimeline(r));
  }

  /** [opened, closed] spans of `down` incidents overlapping [from, to], per target (uptime). */
  downSpans(from: number, to: number): { target: string; provider: string; from: number; to: number; severity: Severity }[] {
    const rows = this.db.prepare('SELECT target, provider, severity, opened_at, closed_at FROM incidents WHERE opened_at <= ? AND (closed_at IS NULL OR closed_at >= ?)').all(to, from) as Row[];
    return rows.map((r) => ({ target: r.target, provider: r.provider, severity: r.severity as Severity, from: Math.max(r.opened_at, from), to: Math.min(r.closed_at ?? to, to) }));
  }

  private withTimeline(row: Row): Incident {
    const events = this.db.prepare('SELECT id, at, kind, message, author FROM incident_events WHERE incident_id = ? ORDER BY at, id').all(row.id) as IncidentEvent[];
    return {
      id: row.id,
      target: row.target,
      provider: row.provider,
      check: row.check_name as CheckName,
      severity: row.severity as Severity,
      cause: row.cause,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      timeline: events,
    };
  }
}
