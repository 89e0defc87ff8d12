/** The deployments table: one row per subscription awarded to this provider. */
import type { Db } from './db.ts';
import type { DeploymentRow } from './deployment-row.ts';

interface Raw {
  id: string;
  type_id: number;
  type: string;
  generation: number;
  desired: string;
  state: string;
  endpoints: string;
  phase: string;
  descriptor_cid: string;
  descriptor: string | null;
  sealed_secrets: string | null;
  billing: string;
  subscriber: string;
  awarded_at: number;
  awarded_ms: number;
  reason: string | null;
  revision: number;
  spec_revision: number;
  absent_since: number | null;
  fetch_attempts: number;
  fetch_next_at: number;
}

const fromRaw = (r: Raw): DeploymentRow => ({
  id: r.id,
  typeId: r.type_id,
  type: r.type,
  generation: r.generation,
  desired: r.desired as DeploymentRow['desired'],
  state: r.state as DeploymentRow['state'],
  endpoints: JSON.parse(r.endpoints) as string[],
  phase: r.phase as DeploymentRow['phase'],
  descriptorCid: r.descriptor_cid,
  descriptor: r.descriptor === null ? null : (JSON.parse(r.descriptor) as Record<string, unknown>),
  sealedSecrets: r.sealed_secrets === null ? null : (JSON.parse(r.sealed_secrets) as Record<string, string>),
  billing: JSON.parse(r.billing) as DeploymentRow['billing'],
  subscriber: r.subscriber,
  awardedAt: r.awarded_at,
  awardedMs: r.awarded_ms,
  reason: r.reason,
  revision: r.revision,
  specRevision: r.spec_revision,
  absentSince: r.absent_since,
  fetchAttempts: r.fetch_attempts,
  fetchNextAt: r.fetch_next_at,
});

const toRaw = (d: DeploymentRow): Raw => ({
  id: d.id,
  type_id: d.typeId,
  type: d.type,
  generation: d.generation,
  desired: d.desired,
  state: d.state,
  endpoints: JSON.stringify(d.endpoints),
  phase: d.phase,
  descriptor_cid: d.descriptorCid,
  descriptor: d.descriptor === null ? null : JSON.stringify(d.descriptor),
  sealed_secrets: d.sealedSecrets === null ? null : JSON.stringify(d.sealedSecrets),
  billing: JSON.stringify(d.billing),
  subscriber: d.subscriber,
  awarded_at: d.awardedAt,
  awarded_ms: d.awardedMs,
  reason: d.reason,
  revision: d.revision,
  spec_revision: d.specRevision,
  absent_since: d.absentSince,
  fetch_attempts: d.fetchAttempts,
  fetch_next_at: d.fetchNextAt,
});

const ORDER = 'ORDER BY length(id), id';

export class DeploymentsRepo {
  readonly #get;
  readonly #upsert;
  readonly #since;
  readonly #served;
  readonly #fetching;
  readonly #due;
  readonly #nextDue;
  readonly #present;
  readonly #expired;
  readonly #delete;
  readonly #counts;

  constructor(db: Db) {
    this.#get = db.prepare<[string], Raw>('SELECT * FROM deployments WHERE id = ?');
    const cols = 'id, type_id, type, generation, desired, state, endpoints, phase, descriptor_cid, descriptor, sealed_secrets, billing, subscriber, awarded_at, awarded_ms, reason, revision, spec_revision, absent_since, fetch_attempts, fetch_next_at';
    const params = cols.split(', ').map((c) => `@${c}`).join(', ');
    const updates = cols.split(', ').filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');
    this.#upsert = db.prepare<[Raw]>(`INSERT INTO deployments (${cols}) VALUES (${params}) ON CONFLICT(id) DO UPDATE SET ${updates}`);
    this.#since = db.prepare<[number], Raw>(`SELECT * FROM deployments WHERE revision > ? AND phase = 'ready' ${ORDER}`);
    this.#served = db.prepare<[], Raw>(`SELECT * FROM deployments WHERE phase = 'ready' ${ORDER}`);
    this.#fetching = db.prepare<[], Raw>(`SELECT * FROM deployments WHERE phase = 'fetching' AND desired = 'present' ORDER BY fetch_next_at`);
    this.#due = db.prepare<[number, number], Raw>(`SELECT * FROM deployments WHERE phase = 'fetching' AND desired = 'present' AND fetch_next_at <= ? ORDER BY fetch_next_at, length(id), id LIMIT ?`);
    this.#nextDue = db.prepare<[number], { t: number | null }>(`SELECT min(fetch_next_at) AS t FROM deployments WHERE phase = 'fetching' AND desired = 'present' AND fetch_next_at > ?`);
    this.#present = db.prepare<[], Raw>(`SELECT * FROM deployments WHERE desired = 'present' ${ORDER}`);
    this.#expired = db.prepare<[number], Raw>(`SELECT * FROM deployments WHERE desired = 'absent' AND absent_since IS NOT NULL AND absent_since < ?`);
    this.#delete = db.prepare<[string]>('DELETE FROM deployments WHERE id = ?');
    this.#counts = db.prepare<[], { type: string; state: string; desired: string; n: number }>(
      `SELECT type, state, desired, count(*) AS n FROM deployments WHERE phase = 'ready' GROUP BY type, state, desired`,
    );
  }

  get(id: string): DeploymentRow | undefined {
    const r = this.#get.get(id);
    return r && fromRaw(r);
  }

  put(d: DeploymentRow): void {
    this.#upsert.run(toRaw(d));
  }

  /** Served rows (descriptor verified) changed after `revision`, or all of them. */
  served(since?: number): DeploymentRow[] {
    return (since === undefined ? this.#served.all() : this.#since.all(since)).map(fromRaw);
  }

  /** Rows whose descriptor still has to be fetched, soonest first. */
  fetching(): DeploymentRow[] {
    return this.#fetching.all().map(fromRaw);
  }

  /** Up to `limit` rows whose fetch is due at `now`. */
  dueFetches(now: number, limit: number): DeploymentRow[] {
    return this.#due.all(now, limit).map(fromRaw);
  }

  /** When the next not-yet-due fetch is, if any. */
  nextFetchAt(now: number): number | undefined {
    return this.#nextDue.get(now)?.t ?? undefined;
  }

  present(): DeploymentRow[] {
    return this.#present.all().map(fromRaw);
  }

  absentBefore(ms: number): DeploymentRow[] {
    return this.#expired.all(ms).map(fromRaw);
  }

  delete(id: string): void {
    this.#delete.run(id);
  }

  countsByTypeAndState(): Array<{ type: string; state: string; desired: string; n: number }> {
    return this.#counts.all();
  }
}
