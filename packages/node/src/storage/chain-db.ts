import { ClassicLevel } from 'classic-level';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import type { StateChanges } from '@dinfra/runtime';

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
  /** Appends block `number` durably (fsync) together with the finalized number. */
  putBlock(number: number, stored: StoredBlock, finalized: number): Promise<void>;
  setFinalized(number: number): Promise<void>;
  finalized(): Promise<number>;
  close(): Promise<void>;
}

const pad = (n: number) => n.toString().padStart(10, '0');

/** LevelDB-backed chain database (classic-level); every write is synced. */
export class LevelChainDatabase implements ChainDatabase {
  readonly #db: ClassicLevel<string, string>;

  private constructor(db: ClassicLevel<string, string>) {
    this.#db = db;
  }

  static async open(path: string): Promise<LevelChainDatabase> {
    const db = new ClassicLevel<string, string>(path, { valueEncoding: 'utf8' });
    await db.open();
    return new LevelChainDatabase(db);
  }

  async genesisHash(): Promise<string | undefined> {
    return this.#db.get('meta:genesis');
  }

  async setGenesisHash(hash: string): Promise<void> {
    await this.#db.put('meta:genesis', hash, { sync: true });
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
    await this.#db.batch(
      [
        { type: 'put', key: `block:${pad(number)}`, value },
        { type: 'put', key: 'meta:finalized', value: String(finalized) },
      ],
      { sync: true },
    );
  }

  async setFinalized(number: number): Promise<void> {
    await this.#db.put('meta:finalized', String(number), { sync: true });
  }

  async finalized(): Promise<number> {
    return Number((await this.#db.get('meta:finalized')) ?? 0);
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}
