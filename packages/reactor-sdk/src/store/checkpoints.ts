import type { Checkpoint } from '../backend.ts';
import type { Db } from './db.ts';

/** Durable per-resource key-value records (the `Checkpoint` backends get in their context). */
export class Checkpoints {
  constructor(private readonly db: Db) {}

  for(name: string): Checkpoint {
    const db = this.db;
    return {
      get: (key) => (db.prepare('SELECT value FROM checkpoints WHERE name = ? AND key = ?').get(name, key) as { value: string } | undefined)?.value,
      set: (key, value) => void db.prepare('INSERT INTO checkpoints VALUES (?, ?, ?) ON CONFLICT (name, key) DO UPDATE SET value = excluded.value').run(name, key, value),
      delete: (key) => void db.prepare('DELETE FROM checkpoints WHERE name = ? AND key = ?').run(name, key),
    };
  }

  /** Drops every record of a resource once it is destroyed. */
  clear(name: string): void {
    this.db.prepare('DELETE FROM checkpoints WHERE name = ?').run(name);
  }
}
