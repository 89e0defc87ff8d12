/** The extrinsics table: every signed outbox extrinsic, its nonce and what it carries. */
import type { Db } from './db.ts';
import type { ExtrinsicRow, ExtrinsicStatus } from './report-rows.ts';

interface Raw {
  id: number;
  nonce: number;
  hash: string;
  birth: number;
  period: number;
  status: string;
  report_ids: string;
  signed_ms: number;
  block_number: number | null;
  block_hash: string | null;
}

const fromRaw = (r: Raw): ExtrinsicRow => ({
  id: r.id,
  nonce: r.nonce,
  hash: r.hash,
  birth: r.birth,
  period: r.period,
  status: r.status as ExtrinsicStatus,
  reportIds: JSON.parse(r.report_ids) as number[],
  signedMs: r.signed_ms,
  blockNumber: r.block_number,
  blockHash: r.block_hash,
});

export class ExtrinsicsRepo {
  readonly #insert;
  readonly #get;
  readonly #pending;
  readonly #byHash;
  readonly #resign;
  readonly #setStatus;
  readonly #included;

  constructor(db: Db) {
    this.#insert = db.prepare<[number, string, number, number, string, number]>(
      `INSERT INTO extrinsics (nonce, hash, birth, period, status, report_ids, signed_ms) VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
    );
    this.#get = db.prepare<[number], Raw>('SELECT * FROM extrinsics WHERE id = ?');
    this.#pending = db.prepare<[], Raw>(`SELECT * FROM extrinsics WHERE status = 'pending' ORDER BY nonce`);
    this.#byHash = db.prepare<[string], Raw>(`SELECT * FROM extrinsics WHERE hash = ? AND status = 'pending'`);
    this.#resign = db.prepare<[string, number, string, number, number]>(
      'UPDATE extrinsics SET hash = ?, birth = ?, report_ids = ?, signed_ms = ? WHERE id = ?',
    );
    this.#setStatus = db.prepare<[string, number]>('UPDATE extrinsics SET status = ? WHERE id = ?');
    this.#included = db.prepare<[number, string, number]>(`UPDATE extrinsics SET status = 'included', block_number = ?, block_hash = ? WHERE id = ?`);
  }

  insert(e: { nonce: number; hash: string; birth: number; period: number; reportIds: number[] }): ExtrinsicRow {
    const info = this.#insert.run(e.nonce, e.hash, e.birth, e.period, JSON.stringify(e.reportIds), Date.now());
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): ExtrinsicRow | undefined {
    const r = this.#get.get(id);
    return r && fromRaw(r);
  }

  pending(): ExtrinsicRow[] {
    return this.#pending.all().map(fromRaw);
  }

  pendingByHash(hash: string): ExtrinsicRow | undefined {
    const r = this.#byHash.get(hash);
    return r && fromRaw(r);
  }

  /** The same nonce signed again (new era, maybe fewer items): at most one version can land. */
  resigned(id: number, e: { hash: string; birth: number; reportIds: number[] }): void {
    this.#resign.run(e.hash, e.birth, JSON.stringify(e.reportIds), Date.now(), id);
  }

  setStatus(id: number, status: ExtrinsicStatus): void {
    this.#setStatus.run(status, id);
  }

  included(id: number, block: { number: number; hash: string }): void {
    this.#included.run(block.number, block.hash, id);
  }
}
