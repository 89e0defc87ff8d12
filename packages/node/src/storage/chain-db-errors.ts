/** Errors of the chain database, named as conventions ask (one class per condition). */

/** The database could not be opened: another process holds it, or it is unreadable. */
export class ChainDatabaseOpenError extends Error {
  static readonly errorName = 'ChainDatabaseOpenError';
  override readonly name = 'ChainDatabaseOpenError';
}

/** The database was made for another chain (its genesis differs from the chain spec's). */
export class GenesisMismatchError extends Error {
  static readonly errorName = 'GenesisMismatchError';
  override readonly name = 'GenesisMismatchError';
  constructor(
    readonly stored: string,
    readonly expected: string,
  ) {
    super(`the database was created for genesis ${stored}, but the chain spec gives ${expected}: use another --base-path or purge it`);
  }
}

/** A stored block does not replay to the state root in its header. */
export class DatabaseCorruptError extends Error {
  static readonly errorName = 'DatabaseCorruptError';
  override readonly name = 'DatabaseCorruptError';
}
