/** Key/value meta rows: the cursor, the revision counter, what retention forgot. */
import type { Db } from './db.ts';

export interface Cursor {
  number: number;
  hash: string;
}

export class MetaRepo {
  readonly #get;
  readonly #set;
  constructor(db: Db) {
    this.#get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.#set = db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  get(key: string): string | undefined {
    return this.#get.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.#set.run(key, value);
  }

  cursor(): Cursor | undefined {
    const n = this.get('cursor_number');
    const h = this.get('cursor_hash');
    return n === undefined || h === undefined ? undefined : { number: Number(n), hash: h };
  }

  setCursor(c: Cursor): void {
    this.set('cursor_number', String(c.number));
    this.set('cursor_hash', c.hash);
  }

  revision(): number {
    return Number(this.get('revision') ?? 0);
  }

  /** Allocates the next revision (call inside the transaction that uses it). */
  nextRevision(): number {
    const r = this.revision() + 1;
    this.set('revision', String(r));
    return r;
  }

  /** The highest revision retention has deleted: a `since` below it needs the whole set. */
  forgottenBefore(): number {
    return Number(this.get('forgotten_before') ?? 0);
  }

  setForgottenBefore(r: number): void {
    if (r > this.forgottenBefore()) this.set('forgotten_before', String(r));
  }
}
