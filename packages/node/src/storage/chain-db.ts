import { ClassicLevel } from 'classic-level';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import type { StateChanges } from '@dinfra/runtime';
import { ChainDatabaseOpenError } from './chain-db-errors.ts';

export { ChainDatabaseOpenError, DatabaseCorruptError, GenesisMismatchError } from './chain-db-errors.ts';

/** What is persisted per block: the SCALE block and its state diff against the parent. */
export interface StoredBlock {
  block: Uint8Array;
  changes: StateChanges;
}

/** The node's database port (a small interface, as Chopsticks' `Database`). */
export interface ChainDatabase {
  /** The genesis hash the database was created for, if any. */
  genesisHash(): Promise<string | undefined>;
  setGenesisHash(hash: string): Promise<void>;
  /** Stored blocks in number order, starting at 1. */
  blocks(): AsyncIterable<StoredBlock>;
  /** Appends block `number` durably (fsync) together with the finalized number (never lowered). */
  putBlock(number: number, stored: StoredBlock, finalized: number): Promise<void>;
  /** Durably raises the finalized number (a lower one is ignored). */
  setFinalized(number: number): Promise<void>;
  finalized(): Promise<number>;
  close(): Promise<void>;
}

const pad = (n: number) => n.toString().padStart(10, '0');

/**
 * LevelDB-backed chain database (classic-level). Every write is synced, and writes are applied
 * one at a time in call order, so the stored finalized number only ever grows.
 */
export class LevelChainDatabase implements ChainDatabase {
  readonly #db: ClassicLevel<string, string>;
  #finalized: number;
  #writes: Promise<unknown> = Promise.resolve();

  private constructor(db: ClassicLevel<string, string>, finalized: number) {
    this.#db = db;
    this.#finalized = finalized;
  }

  static async open(path: string): Promise<LevelChainDatabase> {
    const db = new ClassicLevel<string, string>(path, { valueEncoding: 'utf8' });
    try {
      await db.open();
    } catch (cause) {
      const detail = String((cause as Error & { cause?: Error }).cause?.message ?? (cause as Error).message);
      const locked = /\bLOCK\b|lock/.test(detail);
      throw new ChainDatabaseOpenError(
        locked ? `the database at ${path} is in use by another process (is a dinfra-node already running with this --base-path?)` : `cannot open the database at ${path}: ${detail}`,
        { cause },
      );
    }
    return new LevelChainDatabase(db, Number((await db.get('meta:finalized')) ?? 0));
  }

  /** Runs `write` after every earlier write has completed. */
  #serial(write: () => Promise<void>): Promise<void> {
    const next = this.#writes.then(write, write);
    this.#writes = next.catch(() => undefined);
    return next;
  }

  async genesisHash(): Promise<string | undefined> {
    return this.#db.get('meta:genesis');
  }

  async setGenesisHash(hash: string): Promise<void> {
    await this.#serial(() => this.#db.put('meta:genesis', hash, { sync: true }));
  }

  async *blocks(): AsyncIterable<StoredBlock> {
    for await (const value of this.#db.values({ gte: 'block:', lt: 'block;' })) {
      const parsed = JSON.parse(value) as { block: string; changes: Array<[string, string | null]> };
      yield {
        block: hexToU8a(parsed.block),
        changes: new Map(parsed.changes.map(([k, v]) => [k, v === null ? null : hexToU8a(v)])),
      };
    }
  }

  async putBlock(number: number, stored: StoredBlock, finalized: number): Promise<void> {
    const value = JSON.stringify({
      block: u8aToHex(stored.block),
      changes: [...stored.changes].map(([k, v]) => [k, v === null ? null : u8aToHex(v)]),
    });
    await this.#serial(() => {
      this.#finalized = Math.max(this.#finalized, finalized);
      return this.#db.batch(
        [
          { type: 'put', key: `block:${pad(number)}`, value },
          { type: 'put', key: 'meta:finalized', value: String(this.#finalized) },
        ],
        { sync: true },
      );
    });
  }

  async setFinalized(number: number): Promise<void> {
    await this.#serial(async () => {
      if (number <= this.#finalized) return;
      this.#finalized = number;
      await this.#db.put('meta:finalized', String(number), { sync: true });
    });
  }

  async finalized(): Promise<number> {
    return this.#finalized;
  }

  async close(): Promise<void> {
    await this.#serial(() => this.#db.close());
  }
}
