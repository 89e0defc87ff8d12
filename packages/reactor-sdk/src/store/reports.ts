import type { Db } from './db.ts';

export type ReportedState = 'provisioning' | 'running' | 'degraded' | 'failed';

export interface Reported {
  readonly state: ReportedState;
  readonly endpoints: readonly string[];
  readonly reason?: string;
  readonly at: number;
}

/** The last state the reactor reported (and OGate accepted) per (id, generation). */
export class Reports {
  constructor(private readonly db: Db) {}

  get(id: string, generation: number): Reported | undefined {
    const r = this.db.prepare('SELECT * FROM reports WHERE id = ? AND generation = ?').get(id, generation) as
      | { state: ReportedState; endpoints: string; reason: string | null; at: number } | undefined;
    return r && { state: r.state, endpoints: JSON.parse(r.endpoints) as string[], ...(r.reason ? { reason: r.reason } : {}), at: r.at };
  }

  set(id: string, generation: number, r: Omit<Reported, 'at'>): void {
    this.db.prepare('INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id, generation) DO UPDATE SET state = excluded.state, endpoints = excluded.endpoints, reason = excluded.reason, at = excluded.at')
      .run(id, generation, r.state, JSON.stringify(r.endpoints), r.reason ?? null, Date.now());
  }

  /** Forgets every generation of a deployment (once it is gone). */
  forget(id: string): void {
    this.db.prepare('DELETE FROM reports WHERE id = ?').run(id);
  }
}
