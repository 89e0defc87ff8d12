import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS targets (
  name TEXT PRIMARY KEY, url TEXT NOT NULL, provider TEXT NOT NULL, kind TEXT NOT NULL,
  subscription TEXT, source TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS results (
  id INTEGER PRIMARY KEY, target TEXT NOT NULL, location TEXT NOT NULL, at INTEGER NOT NULL,
  status TEXT NOT NULL, failures TEXT NOT NULL, best INTEGER, finalized INTEGER, head_lag INTEGER,
  finality_lag INTEGER, latency_ms REAL, latencies TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS results_target_at ON results (target, at);
CREATE INDEX IF NOT EXISTS results_at ON results (at);
CREATE TABLE IF NOT EXISTS hourly (
  target TEXT NOT NULL, location TEXT NOT NULL, hour INTEGER NOT NULL, checks INTEGER NOT NULL,
  up INTEGER NOT NULL, degraded INTEGER NOT NULL, latency_avg REAL, latency_max REAL, head_lag_max INTEGER,
  PRIMARY KEY (target, location, hour)
);
CREATE TABLE IF NOT EXISTS incidents (
  id INTEGER PRIMARY KEY, target TEXT NOT NULL, provider TEXT NOT NULL, check_name TEXT NOT NULL,
  severity TEXT NOT NULL, cause TEXT NOT NULL, opened_at INTEGER NOT NULL, closed_at INTEGER
);
CREATE INDEX IF NOT EXISTS incidents_target ON incidents (target, opened_at);
CREATE TABLE IF NOT EXISTS incident_events (
  id INTEGER PRIMARY KEY, incident_id INTEGER NOT NULL REFERENCES incidents (id), at INTEGER NOT NULL,
  kind TEXT NOT NULL, message TEXT NOT NULL, author TEXT
);
CREATE INDEX IF NOT EXISTS incident_events_incident ON incident_events (incident_id, at);
CREATE TABLE IF NOT EXISTS webhook_outbox (
  id INTEGER PRIMARY KEY, url TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, delivered_at INTEGER, last_error TEXT
);
CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (delivered_at, next_at);
`;

/** Opens (creating) `monitor.sqlite` in the data directory, WAL mode, schema applied. */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'monitor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

export type Db = Database.Database;
