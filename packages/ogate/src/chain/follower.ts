/**
 * Follows finalized blocks: at start, catches up block by block from the cursor (when the gap
 * is small), then reconciles from storage; afterwards processes EVERY finalized block from
 * cursor + 1 to the head, in order. Connection errors back off and retry from the cursor.
 */
import type { OGateContext } from '../context.ts';
import type { DeploymentRow } from '../store/deployment-row.ts';
import { applyBlock, type BlockOutcome } from './apply-block.ts';
import { blockHashOf, finalizedHead, type BlockRef } from './read.ts';
import { reconcile } from './reconcile.ts';
import { TypeCatalog } from './type-names.ts';

export interface FollowerOptions {
  /** Largest gap caught up block by block at start; a larger one is reconciled from storage. */
  maxCatchUp?: number;
  onServed?: (rows: DeploymentRow[]) => void;
  onBlock?: (block: BlockRef, outcome: BlockOutcome) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Follower {
  readonly types: TypeCatalog;
  #head: BlockRef | undefined;
  #stopped = false;
  #wake: (() => void) | undefined;
  #woken = false;
  #ready = false;
  #loop: Promise<void> | undefined;
  #unsub: (() => void) | undefined;

  constructor(
    private readonly ctx: OGateContext,
    private readonly options: FollowerOptions = {},
  ) {
    this.types = new TypeCatalog(ctx.api);
  }

  get head(): BlockRef | undefined {
    return this.#head;
  }

  /** Connected and the cursor at the last finalized head seen. */
  isReady(): boolean {
    const c = this.ctx.store.meta.cursor();
    return this.#ready && this.ctx.isConnected() && !!c && !!this.#head && c.number >= this.#head.number;
  }

  lag(): number {
    const c = this.ctx.store.meta.cursor();
    return this.#head && c ? Math.max(0, this.#head.number - c.number) : 0;
  }

  /** Catch up, reconcile, then keep following in the background. */
  async start(): Promise<void> {
    const { ctx } = this;
    await this.checkGenesis();
    const head = await finalizedHead(ctx.api);
    this.#head = head;
    const cursor = ctx.store.meta.cursor();
    const maxCatchUp = this.options.maxCatchUp ?? 1000;
    if (cursor && cursor.number < head.number && head.number - cursor.number <= maxCatchUp) {
      ctx.log.info({ from: cursor.number + 1, to: head.number }, 'catching up finalized blocks');
      await this.catchUp(head);
    }
    const at = ctx.store.meta.cursor()?.number === head.number ? head : await finalizedHead(ctx.api);
    const started = performance.now();
    const r = await reconcile(ctx, this.types, at);
    ctx.log.info({ block: at.number, live: r.live, added: r.added, updated: r.updated, removed: r.removed, ms: Math.round(performance.now() - started) }, 'reconciled from chain storage');
    this.#head = at;
    this.after(at, { served: r.served, newFetches: r.added, finalizedReports: [] });
    this.#ready = true;
    const unsub = await ctx.api.rpc.chain.subscribeFinalizedHeads(() => {
      this.#woken = true;
      this.#wake?.();
    });
    this.#unsub = unsub;
    this.#loop = this.run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    try {
      this.#unsub?.();
    } catch {
      /* disconnected */
    }
    await this.#loop;
  }

  private async checkGenesis(): Promise<void> {
    const genesis = this.ctx.api.genesisHash.toHex();
    const known = this.ctx.store.meta.get('genesis_hash');
    if (known && known !== genesis) {
      throw new Error(`the data dir follows another chain (genesis ${known}); the node at ${this.ctx.config.url} has genesis ${genesis}`);
    }
    if (!known) this.ctx.store.meta.set('genesis_hash', genesis);
    const provider = this.ctx.store.meta.get('provider');
    if (provider && provider !== this.ctx.provider.account) {
      throw new Error(`the data dir belongs to provider ${provider}, not ${this.ctx.provider.account}`);
    }
    if (!provider) this.ctx.store.meta.set('provider', this.ctx.provider.account);
  }

  private async catchUp(head: BlockRef): Promise<void> {
    for (;;) {
      const cursor = this.ctx.store.meta.cursor()!;
      if (cursor.number >= head.number || this.#stopped) return;
      const n = cursor.number + 1;
      const block = n === head.number ? head : { number: n, hash: await blockHashOf(this.ctx.api, n) };
      const outcome = await applyBlock(this.ctx, this.types, block);
      this.after(block, outcome);
    }
  }

  private after(block: BlockRef, outcome: BlockOutcome): void {
    const { metrics, changes } = this.ctx;
    metrics.cursor.set(block.number);
    metrics.cursorLag.set(this.lag());
    if (outcome.served.length) changes.emit('revision', this.ctx.store.meta.revision());
    if (outcome.newFetches) changes.emit('fetch');
    for (const r of outcome.finalizedReports) metrics.reportToFinalized.observe((Date.now() - r.queuedMs) / 1000);
    changes.emit('cursor', block.number);
    this.options.onServed?.(outcome.served);
    this.options.onBlock?.(block, outcome);
  }

  private async run(): Promise<void> {
    let backoff = 250;
    while (!this.#stopped) {
      this.#woken = false;
      try {
        const head = await finalizedHead(this.ctx.api);
        this.#head = head;
        await this.catchUp(head);
        backoff = 250;
      } catch (e) {
        if (this.#stopped) return;
        this.ctx.log.warn({ err: (e as Error).message, retryInMs: backoff }, 'following finalized blocks failed; retrying from the cursor');
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
        continue;
      }
      if (this.#woken) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 1000);
        this.#wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }
}
