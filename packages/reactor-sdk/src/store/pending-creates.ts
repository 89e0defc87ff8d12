import type { ResourceKey } from '../backend.ts';
import type { Db } from './db.ts';

export interface PendingCreate {
  readonly name: string;
  readonly key: ResourceKey;
  readonly type: string;
  readonly createdAt: number;
}

interface Row { name: string; provider: string; id: string; generation: number; type: string; created_at: number }

/** `pending-create` records: written before every create, removed once it is settled. */
export class PendingCreates {
  constructor(private readonly db: Db) {}

  add(p: Omit<PendingCreate, 'createdAt'>): void {
    this.db.prepare('INSERT OR IGNORE INTO pending_creates VALUES (?, ?, ?, ?, ?, ?)').run(p.name, p.key.provider, p.key.id, p.key.generation, p.type, Date.now());
  }

  remove(name: string): void {
    this.db.prepare('DELETE FROM pending_creates WHERE name = ?').run(name);
  }

  has(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM pending_creates WHERE name = ?').get(name) !== undefined;
  }

  all(): PendingCreate[] {
    return (this.db.prepare('SELECT * FROM pending_creates ORDER BY created_at').all() as Row[]).map((r) => ({
      name: r.name, key: { provider: r.provider, id: r.id, generation: r.generation }, type: r.type, createdAt: r.created_at,
    }));
  }
}
