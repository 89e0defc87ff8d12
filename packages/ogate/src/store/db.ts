/** Opens OGate's SQLite database under the data dir (WAL, migrations applied). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, 'ogate.sqlite'));
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: a committed transaction survives a killed process (kill -9), which is what
  // OGate's exactly-once rests on; only a power loss may drop the last commits (reactors
  // re-report level-triggered). FULL fsyncs every commit: ~10 served deployments/s on a busy disk.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
