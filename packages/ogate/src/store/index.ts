/** OGate's durable state: one SQLite database under the data dir. */
import type { Db } from './db.ts';
import { openDb } from './db.ts';
import { DeploymentsRepo } from './deployments-repo.ts';
import { ExtrinsicsRepo } from './extrinsics-repo.ts';
import { MetaRepo } from './meta.ts';
import { ReportsRepo } from './reports-repo.ts';

export type { Cursor } from './meta.ts';
export type { Db } from './db.ts';
export type { NewReport } from './reports-repo.ts';

export class Store {
  readonly meta: MetaRepo;
  readonly deployments: DeploymentsRepo;
  readonly reports: ReportsRepo;
  readonly extrinsics: ExtrinsicsRepo;

  constructor(readonly db: Db) {
    this.meta = new MetaRepo(db);
    this.deployments = new DeploymentsRepo(db);
    this.reports = new ReportsRepo(db);
    this.extrinsics = new ExtrinsicsRepo(db);
  }

  static open(dataDir: string): Store {
    return new Store(openDb(dataDir));
  }

  /** Runs `fn` in one transaction (all or nothing). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
