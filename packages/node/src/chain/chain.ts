import { EventEmitter } from 'node:events';
import type { StateChanges } from '@dinfra/runtime';
import type { TrieState } from '../state/trie-state.ts';
import type { Block } from './block.ts';

export interface BlockRecord {
  block: Block;
  /** Post-state of the block; dropped when pruned. */
  state: TrieState | undefined;
  changes: StateChanges;
}

export interface ChainEvents {
  newBlock: [BlockRecord];
  finalized: [BlockRecord];
}

/** How many blocks below the finalized one keep their state (Substrate's default pruning: 256). */
export const STATE_PRUNING = 4096;

/**
 * The canonical chain as this node sees it: a single linear chain (one authority), blocks by
 * hash and number, best and finalized heads, and the state of recent blocks.
 */
export class Chain extends EventEmitter<ChainEvents> {
  readonly #byHash = new Map<string, BlockRecord>();
  readonly #byNumber: BlockRecord[] = [];
  #finalized = 0;

  constructor(genesis: BlockRecord) {
    super();
    this.setMaxListeners(0);
    this.#add(genesis);
  }

  get genesis(): BlockRecord {
    return this.#byNumber[0]!;
  }
  get genesisHash(): string {
    return this.genesis.block.hash;
  }
  get best(): BlockRecord {
    return this.#byNumber[this.#byNumber.length - 1]!;
  }
  get finalized(): BlockRecord {
    return this.#byNumber[this.#finalized]!;
  }

  #add(record: BlockRecord): void {
    this.#byHash.set(record.block.hash, record);
    this.#byNumber[record.block.header.number] = record;
  }

  byHash(hash: string): BlockRecord | undefined {
    return this.#byHash.get(hash.toLowerCase());
  }

  byNumber(n: number): BlockRecord | undefined {
    return this.#byNumber[n];
  }

  /** Appends a block on top of the best block. */
  append(record: BlockRecord): void {
    const { header } = record.block;
    if (header.parentHash !== this.best.block.hash || header.number !== this.best.block.header.number + 1) {
      throw new Error(`block #${header.number} does not extend best #${this.best.block.header.number}`);
    }
    this.#add(record);
    this.emit('newBlock', record);
  }

  /** Marks block `n` (and its ancestors) finalized; prunes old state. */
  finalize(n: number): void {
    if (n > this.best.block.header.number) return;
    while (this.#finalized < n) {
      this.#finalized += 1;
      const prune = this.#finalized - STATE_PRUNING;
      const old = prune > 0 ? this.#byNumber[prune] : undefined;
      if (old) old.state = undefined;
      this.emit('finalized', this.finalized);
    }
  }
}
