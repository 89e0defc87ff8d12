import type { UpstreamClient } from '../upstream/upstream-client.ts';
import { RecentSet } from './recent-set.ts';

export interface StorageChangeSet {
  block: string;
  changes: Array<[string, string | null]>;
}

const MAX_GAP = 64;

/**
 * Storage notifications once per block, only with values that changed. After a move to another
 * upstream, the blocks between the last delivered and the new upstream's first are read with
 * `state_queryStorageAt` so that no change is lost.
 */
export class StorageFollower {
  readonly #seen = new RecentSet(2048);
  readonly #values = new Map<string, string | null>();
  #lastBlock: string | undefined;
  #moved = false;

  constructor(private readonly opts: { keys: string[] | undefined; deliver: (c: StorageChangeSet) => void }) {}

  /** The next notification comes from a new upstream (its first repeats every key). */
  moved(): void {
    this.#moved = true;
  }

  async accept(set: StorageChangeSet, client: UpstreamClient): Promise<void> {
    if (this.#seen.has(set.block)) return;
    if (this.#moved && this.#lastBlock && this.opts.keys?.length) {
      this.#moved = false;
      await this.#fillGap(this.#lastBlock, set.block, client);
    }
    this.#moved = false;
    this.#emit(set);
  }

  async #fillGap(from: string, to: string, client: UpstreamClient): Promise<void> {
    const [a, b] = await Promise.all([client.call<{ number: string } | null>('chain_getHeader', [from]), client.call<{ number: string } | null>('chain_getHeader', [to])]);
    if (!a || !b) return;
    const [na, nb] = [Number(a.number), Number(b.number)];
    if (nb - na > MAX_GAP) return;
    for (let n = na + 1; n < nb; n++) {
      const hash = await client.call<string | null>('chain_getBlockHash', [n]);
      if (!hash || this.#seen.has(hash)) continue;
      const sets = await client.call<StorageChangeSet[]>('state_queryStorageAt', [this.opts.keys, hash]);
      for (const s of sets) this.#emit({ block: hash, changes: s.changes });
    }
  }

  #emit(set: StorageChangeSet): void {
    this.#seen.add(set.block);
    const first = this.#lastBlock === undefined;
    const changes = first ? set.changes : set.changes.filter(([k, v]) => !this.#values.has(k) || this.#values.get(k) !== v);
    for (const [k, v] of set.changes) this.#values.set(k, v);
    this.#lastBlock = set.block;
    if (first || changes.length > 0) this.opts.deliver({ block: set.block, changes });
  }
}
