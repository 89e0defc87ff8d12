import type { Logger } from 'pino';
import { TimestampStorage, type Executive } from '@dinfra/runtime';
import { buildBlock } from '../chain/execute-block.ts';
import type { Chain, BlockRecord } from '../chain/chain.ts';
import type { TransactionPool } from '../pool/pool.ts';

export type SealingMode = 'instant' | 'interval' | 'manual';

/** After a failed block production, instant sealing waits this long before trying again. */
const RETRY_AFTER_FAILURE_MS = 1000;

export interface AuthorOptions {
  sealing: SealingMode;
  blockTimeMs: number;
  /** Persists a block before it becomes visible (kill -9 safety). */
  persist(record: BlockRecord): Promise<void>;
  /** Called after the block is on the chain. */
  onImported(record: BlockRecord, included: string[]): void;
  /**
   * Most extrinsics in a block (the weight and length limits apply too).
   * @default 1,000 with instant sealing (short blocks keep inclusion latency low under load), else 10,000
   */
  maxExtrinsics?: number;
}

/** Block authoring: instant (a block per batch of ready transactions), interval, or manual. */
export class Author {
  #timer: NodeJS.Timeout | undefined;
  #building: Promise<BlockRecord> | undefined;
  #pending = false;
  #stopped = false;

  constructor(
    readonly chain: Chain,
    readonly pool: TransactionPool,
    readonly executive: Executive,
    readonly options: AuthorOptions,
    readonly log: Logger,
  ) {}

  start(): void {
    if (this.options.sealing === 'instant') {
      this.pool.on('ready', () => this.#schedule());
    } else if (this.options.sealing === 'interval') {
      const tick = () => {
        if (this.#stopped) return;
        void this.#tryNewBlock().finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(tick, this.options.blockTimeMs);
        });
      };
      this.#timer = setTimeout(tick, this.options.blockTimeMs);
    }
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  #schedule(): void {
    if (this.#pending || this.#stopped) return;
    this.#pending = true;
    setImmediate(() => {
      this.#pending = false;
      void this.#tryNewBlock().then((ok) => {
        if (!ok) setTimeout(() => this.#schedule(), RETRY_AFTER_FAILURE_MS);
        else if (this.pool.readyCount() > 0) this.#schedule();
      });
    });
  }

  /** Authors a block; a failure is logged (the node keeps running and tries again later). */
  async #tryNewBlock(): Promise<boolean> {
    try {
      await this.newBlock();
      return true;
    } catch (err) {
      this.log.error({ err }, `Block production failed: ${(err as Error).message}`);
      return false;
    }
  }

  /** Authors one block now (after any block in progress). */
  async newBlock(): Promise<BlockRecord> {
    while (this.#building) await this.#building.catch(() => undefined);
    this.#building = this.#build();
    try {
      return await this.#building;
    } finally {
      this.#building = undefined;
    }
  }

  async #build(): Promise<BlockRecord> {
    const parent = this.chain.best;
    const prev = TimestampStorage.Now.get(parent.state!) ?? 0n;
    const wall = BigInt(Date.now());
    const now = wall > prev ? wall : prev + 1n;
    const started = performance.now();
    const max = this.options.maxExtrinsics ?? (this.options.sealing === 'instant' ? 1_000 : 10_000);
    const { record, applied, rejected } = buildBlock(this.executive, parent, now, this.pool.candidates(), max);
    for (const r of rejected) {
      if (r.panic) this.log.error({ err: r.panic }, `Runtime panicked applying ${r.xt.hash}: dropped as invalid`);
      const kind = r.error.value.value.type;
      if (kind !== 'Future' && kind !== 'ExhaustsResources') this.pool.reject(r.xt.hash);
    }
    await this.options.persist(record);
    this.chain.append(record);
    const included = applied.map((a) => a.xt.hash);
    this.options.onImported(record, included);
    const ms = (performance.now() - started).toFixed(1);
    this.log.info(`🎁 Prepared block for proposing at ${record.block.header.number} (${ms} ms) [hash: ${record.block.hash}; parent_hash: ${parent.block.hash}; extrinsics (${record.block.extrinsics.length})]`);
    return record;
  }
}
