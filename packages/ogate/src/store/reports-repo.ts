/**
 * The reports table: the durable outbox of status reports and terminations. A report moves
 * only through the named transitions below: queued -> submitted -> in-block -> finalized |
 * failed, or reflected (nothing had to go on chain), or failed before it was sent.
 */
import type { Db } from './db.ts';
import type { DispatchErrorInfo, ReportKind, ReportRow, ReportStatus } from './report-rows.ts';

type BlockRef = { hash: string; number: number };

interface Raw {
  id: number;
  deployment_id: string;
  generation: number;
  kind: string;
  endpoints: string | null;
  reason: string | null;
  status: string;
  extrinsic_id: number | null;
  item_index: number | null;
  block_hash: string | null;
  block_number: number | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  queued_ms: number;
}

const fromRaw = (r: Raw): ReportRow => ({
  id: r.id,
  deploymentId: r.deployment_id,
  generation: r.generation,
  kind: r.kind as ReportKind,
  endpoints: r.endpoints === null ? null : (JSON.parse(r.endpoints) as string[]),
  reason: r.reason,
  status: r.status as ReportStatus,
  extrinsicId: r.extrinsic_id,
  itemIndex: r.item_index,
  blockHash: r.block_hash,
  blockNumber: r.block_number,
  error: r.error === null ? null : (JSON.parse(r.error) as DispatchErrorInfo),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  queuedMs: r.queued_ms,
});

export interface NewReport {
  deploymentId: string;
  generation: number;
  kind: ReportKind;
  endpoints?: string[] | null;
  reason?: string | null;
}

export class ReportsRepo {
  readonly #insert;
  readonly #get;
  readonly #open;
  readonly #queued;
  readonly #reflected;
  readonly #submitted;
  readonly #inBlock;
  readonly #final;
  readonly #countQueued;

  constructor(db: Db) {
    this.#insert = db.prepare(
      `INSERT INTO reports (deployment_id, generation, kind, endpoints, reason, status, created_at, updated_at, queued_ms)
       VALUES (@deployment_id, @generation, @kind, @endpoints, @reason, @status, @now, @now, @ms)`,
    );
    this.#get = db.prepare<[number], Raw>('SELECT * FROM reports WHERE id = ?');
    this.#open = db.prepare<[string, number], Raw>(
      `SELECT * FROM reports WHERE deployment_id = ? AND generation = ? AND status IN ('queued', 'submitted', 'in-block') ORDER BY id`,
    );
    this.#queued = db.prepare<[number], Raw>(`SELECT * FROM reports WHERE status = 'queued' ORDER BY id LIMIT ?`);
    this.#reflected = db.prepare<[string, number]>(`UPDATE reports SET status = 'reflected', updated_at = ? WHERE id = ?`);
    this.#submitted = db.prepare<[number, number, string, number]>(
      `UPDATE reports SET status = 'submitted', extrinsic_id = ?, item_index = ?, updated_at = ?, block_hash = NULL, block_number = NULL WHERE id = ?`,
    );
    this.#inBlock = db.prepare<[string, number, string, number, number]>(
      `UPDATE reports SET status = 'in-block', block_hash = ?, block_number = ?, updated_at = ? WHERE id = ? AND status = 'submitted' AND extrinsic_id = ?`,
    );
    this.#final = db.prepare<[string, string | null, number | null, string | null, string, number]>(
      'UPDATE reports SET status = ?, block_hash = ?, block_number = ?, error = ?, updated_at = ? WHERE id = ?',
    );
    this.#countQueued = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM reports WHERE status IN ('queued', 'submitted', 'in-block')`);
  }

  /** A new report, queued for the signer. */
  queue(r: NewReport): ReportRow {
    const now = new Date();
    const info = this.#insert.run({
      deployment_id: r.deploymentId,
      generation: r.generation,
      kind: r.kind,
      endpoints: r.endpoints ? JSON.stringify(r.endpoints) : null,
      reason: r.reason ?? null,
      status: 'queued',
      now: now.toISOString(),
      ms: now.getTime(),
    });
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): ReportRow | undefined {
    const r = this.#get.get(id);
    return r && fromRaw(r);
  }

  /** Reports of this deployment generation not yet final. */
  open(deploymentId: string, generation: number): ReportRow[] {
    return this.#open.all(deploymentId, generation).map(fromRaw);
  }

  queued(limit: number): ReportRow[] {
    return this.#queued.all(limit).map(fromRaw);
  }

  /** The chain already reflects it: nothing goes on chain. */
  reflected(id: number): void {
    this.#reflected.run(new Date().toISOString(), id);
  }

  /** Signed into extrinsic `extrinsicId` as its item `itemIndex` (again, when re-signed). */
  submitted(id: number, extrinsicId: number, itemIndex: number): void {
    this.#submitted.run(extrinsicId, itemIndex, new Date().toISOString(), id);
  }

  /** Its extrinsic is in a (not yet finalized) block; only while it is still submitted in that extrinsic. */
  inBlock(id: number, extrinsicId: number, block: BlockRef): void {
    this.#inBlock.run(block.hash, block.number, new Date().toISOString(), id, extrinsicId);
  }

  /** Done on chain (`block` null when settled by the chain state without its block). */
  finalized(id: number, block: BlockRef | null): void {
    this.#final.run('finalized', block?.hash ?? null, block?.number ?? null, null, new Date().toISOString(), id);
  }

  /** Failed for good: on chain (its item's dispatch error) or before it was sent. */
  failed(id: number, block: BlockRef | null, error: DispatchErrorInfo): void {
    this.#final.run('failed', block?.hash ?? null, block?.number ?? null, JSON.stringify(error), new Date().toISOString(), id);
  }

  /** Reports not yet final (outbox depth). */
  depth(): number {
    return this.#countQueued.get()!.n;
  }
}
