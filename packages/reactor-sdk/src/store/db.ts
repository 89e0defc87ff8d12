import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS pending_creates (
  name TEXT PRIMARY KEY, provider TEXT NOT NULL, id TEXT NOT NULL, generation INTEGER NOT NULL,
  type TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoints (
  name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (name, key)
);
CREATE TABLE IF NOT EXISTS reports (
  id TEXT NOT NULL, generation INTEGER NOT NULL, state TEXT NOT NULL, endpoints TEXT NOT NULL,
  reason TEXT, at INTEGER NOT NULL, PRIMARY KEY (id, generation)
);
CREATE TABLE IF NOT EXISTS local_processes (
  name TEXT PRIMARY KEY, record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS absent_since (
  id TEXT PRIMARY KEY, at INTEGER NOT NULL
);
`;

/** Opens (creating) `<dataDir>/reactor.sqlite`: WAL, synchronous FULL (a record is on disk before the create). */
export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'reactor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
