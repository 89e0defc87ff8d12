import type { Db } from './db.ts';

/** When OGate first said a deployment is `absent` (for `--grace`), durable across restarts. */
export class AbsentSince {
  constructor(private readonly db: Db) {}

  /** Records `now` the first time, and returns the first time seen. */
  mark(id: string, now = Date.now()): number {
    this.db.prepare('INSERT OR IGNORE INTO absent_since VALUES (?, ?)').run(id, now);
    return (this.db.prepare('SELECT at FROM absent_since WHERE id = ?').get(id) as { at: number }).at;
  }

  clear(id: string): void {
    this.db.prepare('DELETE FROM absent_since WHERE id = ?').run(id);
  }
}
