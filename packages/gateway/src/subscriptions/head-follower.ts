import type { UpstreamClient } from '../upstream/upstream-client.ts';
import { headerHash, headerNumber, type JsonHeader } from './header-hash.ts';
import { RecentSet } from './recent-set.ts';

/** Gaps larger than this are not filled (the client gets the new head and moves on). */
const MAX_GAP = 256;

/**
 * Delivers each head once, in order: dedupes by block hash, never goes back for finalized heads,
 * and fetches missing heads (chain_getBlockHash + chain_getHeader on the current upstream) when
 * a head arrives more than one block after the last one delivered.
 */
export class HeadFollower {
  readonly #seen = new RecentSet(2048);
  #last: { number: number; hash: string } | undefined;

  constructor(private readonly opts: { finalizedOnly: boolean; monotonic?: boolean; deliver: (h: JsonHeader) => void; onGapHead?: () => void }) {}

  async accept(header: JsonHeader, client: UpstreamClient): Promise<void> {
    const hash = headerHash(header);
    if (this.#seen.has(hash)) return;
    const number = headerNumber(header);
    const last = this.#last;
    if (last && this.opts.finalizedOnly && number <= last.number) return;
    // New heads never go back (a lagging upstream after a move): the client already has a higher one.
    if (last && this.opts.monotonic && number < last.number) return;
    if (last && number > last.number + 1 && number - last.number <= MAX_GAP) {
      for (let n = last.number + 1; n < number; n++) {
        const h = await client.call<string | null>('chain_getBlockHash', [n]);
        if (!h || this.#seen.has(h)) continue;
        const missing = await client.call<JsonHeader | null>('chain_getHeader', [h]);
        if (!missing) continue;
        this.opts.onGapHead?.();
        this.#deliver(missing, h, n);
      }
    }
    this.#deliver(header, hash, number);
  }

  #deliver(header: JsonHeader, hash: string, number: number): void {
    this.#seen.add(hash);
    if (!this.#last || number >= this.#last.number || !(this.opts.finalizedOnly || this.opts.monotonic)) this.#last = { number, hash };
    this.opts.deliver(header);
  }
}
