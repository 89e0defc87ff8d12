import { AbsentSince } from './absent-since.ts';
import { Checkpoints } from './checkpoints.ts';
import { openDb, type Db } from './db.ts';
import { PendingCreates } from './pending-creates.ts';
import { ProcessRecords } from './process-records.ts';
import { Reports } from './reports.ts';

export type { PendingCreate } from './pending-creates.ts';
export type { Reported, ReportedState } from './reports.ts';
export { AbsentSince, Checkpoints, PendingCreates, ProcessRecords, Reports };

/** The reactor's own durable state: SQLite under `--data-dir`. */
export class ReactorStore {
  readonly pending: PendingCreates;
  readonly checkpoints: Checkpoints;
  readonly reports: Reports;
  readonly absentSince: AbsentSince;

  private constructor(readonly db: Db, readonly dataDir: string) {
    this.pending = new PendingCreates(db);
    this.checkpoints = new Checkpoints(db);
    this.reports = new Reports(db);
    this.absentSince = new AbsentSince(db);
  }

  static open(dataDir: string): ReactorStore {
    return new ReactorStore(openDb(dataDir), dataDir);
  }

  processRecords<T>(): ProcessRecords<T> {
    return new ProcessRecords<T>(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
