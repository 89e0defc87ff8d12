/** Schema migrations of OGate's SQLite database, applied in order (user_version = count). */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE deployments (
    id TEXT PRIMARY KEY,
    type_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    generation INTEGER NOT NULL,
    desired TEXT NOT NULL,
    state TEXT NOT NULL,
    endpoints TEXT NOT NULL,
    phase TEXT NOT NULL,
    descriptor_cid TEXT NOT NULL,
    descriptor TEXT,
    sealed_secrets TEXT,
    billing TEXT NOT NULL,
    subscriber TEXT NOT NULL,
    awarded_at INTEGER NOT NULL,
    awarded_ms INTEGER NOT NULL,
    reason TEXT,
    revision INTEGER NOT NULL DEFAULT 0,
    absent_since INTEGER,
    fetch_attempts INTEGER NOT NULL DEFAULT 0,
    fetch_next_at INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX deployments_revision ON deployments(revision);
  CREATE INDEX deployments_phase ON deployments(phase);
  CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    deployment_id TEXT NOT NULL,
    generation INTEGER NOT NULL,
    kind TEXT NOT NULL,
    endpoints TEXT,
    reason TEXT,
    status TEXT NOT NULL,
    extrinsic_id INTEGER,
    item_index INTEGER,
    block_hash TEXT,
    block_number INTEGER,
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    queued_ms INTEGER NOT NULL
  );
  CREATE INDEX reports_status ON reports(status);
  CREATE INDEX reports_deployment ON reports(deployment_id, generation);
  CREATE TABLE extrinsics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nonce INTEGER NOT NULL,
    hash TEXT NOT NULL,
    birth INTEGER NOT NULL,
    period INTEGER NOT NULL,
    status TEXT NOT NULL,
    report_ids TEXT NOT NULL,
    signed_ms INTEGER NOT NULL,
    block_number INTEGER,
    block_hash TEXT
  );
  CREATE INDEX extrinsics_status ON extrinsics(status);
  `,
  // A spec revision apart from the revision: a change a reactor acts on (award, desired, descriptor) bumps both;
  // a status-only change (chain state, endpoints, billing) only the revision.
  `
  ALTER TABLE deployments ADD COLUMN spec_revision INTEGER NOT NULL DEFAULT 0;
  UPDATE deployments SET spec_revision = revision;
  `,
];
