import type { Db } from './db.ts';

/** A JSON record per local resource (the local backend's own bookkeeping). */
export class ProcessRecords<T> {
  constructor(private readonly db: Db) {}

  put(name: string, record: T): void {
    this.db.prepare('INSERT INTO local_processes VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET record = excluded.record').run(name, JSON.stringify(record));
  }

  get(name: string): T | undefined {
    const r = this.db.prepare('SELECT record FROM local_processes WHERE name = ?').get(name) as { record: string } | undefined;
    return r && (JSON.parse(r.record) as T);
  }

  all(): T[] {
    return (this.db.prepare('SELECT record FROM local_processes ORDER BY name').all() as Array<{ record: string }>).map((r) => JSON.parse(r.record) as T);
  }

  delete(name: string): void {
    this.db.prepare('DELETE FROM local_processes WHERE name = ?').run(name);
  }
}
