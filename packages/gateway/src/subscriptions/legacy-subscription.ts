import type { Logger } from 'pino';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { JsonRpcNotification } from '../jsonrpc/types.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { Upstream } from '../upstream/upstream.ts';
import { UpstreamRpcError } from '../upstream/upstream-client.ts';
import type { JsonHeader } from './header-hash.ts';
import { HeadFollower } from './head-follower.ts';
import { StorageFollower, type StorageChangeSet } from './storage-follower.ts';
import type { FollowMode } from './subscription-kinds.ts';
import type { Deliver, Subscription } from './subscription.ts';

export interface LegacySubscriptionOptions {
  id: string;
  method: string;
  params: unknown[];
  mode: FollowMode;
  notification: string;
  unsubscribe: string;
  pool: UpstreamPool;
  deliver: Deliver;
  logger: Logger;
  metrics: GatewayMetrics;
  /** Where to go after the upstream is lost (the session's anchor), when one is usable. */
  choose?: () => Upstream | undefined;
  /** Each head number delivered (the client's floor). */
  onHead?: (n: number) => void;
}

/**
 * A legacy subscription that outlives its upstream: when the upstream's connection closes it
 * subscribes again on another one; notifications pass through a follower that drops repeats
 * and fills gaps, one at a time and in order.
 */
export class LegacySubscription implements Subscription {
  upstream: Upstream | undefined;
  upstreamId: string | undefined;
  #closed = false;
  #queue: Promise<void> = Promise.resolve();
  readonly #heads: HeadFollower | undefined;
  readonly #storage: StorageFollower | undefined;
  #lastRuntime: string | undefined;
  readonly #onClose = () => this.#move();
  /** A connected upstream that left the rotation (stale, lagging, wrong chain): move off it too. */
  readonly #onPoolChange = () => {
    const u = this.upstream;
    if (!u || u.usable || !u.client.isOpen || this.o.pool.usable().length === 0) return;
    const id = this.upstreamId;
    u.client.off('close', this.#onClose);
    if (id !== undefined) {
      u.client.offNotification(id);
      void u.client.request(this.o.unsubscribe, [id]).catch(() => undefined);
    }
    this.#move();
  };
  readonly #abort = new AbortController();

  constructor(private readonly o: LegacySubscriptionOptions) {
    const send = (result: unknown) => o.deliver(o.notification, o.id, result);
    if (o.mode === 'storage') {
      const keys = Array.isArray(o.params[0]) ? (o.params[0] as string[]) : undefined;
      this.#storage = new StorageFollower({ keys, deliver: send });
    } else if (o.mode !== 'runtime-version') {
      this.#heads = new HeadFollower({
        finalizedOnly: o.mode === 'finalized-heads',
        monotonic: o.mode === 'new-heads',
        deliver: (h) => {
          if (o.mode === 'new-heads') o.onHead?.(Number(h.number));
          send(h);
        },
        onGapHead: () => o.metrics.gapHeads.inc(),
      });
    }
  }

  get id(): string {
    return this.o.id;
  }

  get method(): string {
    return this.o.method;
  }

  /** Subscribes on `upstream`; the client's reply comes from this (its error, if any). */
  async start(upstream: Upstream): Promise<void> {
    await this.#subscribeOn(upstream);
  }

  async #subscribeOn(u: Upstream): Promise<void> {
    const reply = await u.client.request(this.o.method, this.o.params);
    if (reply.isError) throw new UpstreamRpcError(reply.error!);
    const upstreamId = String(reply.result);
    if (this.#closed) {
      void u.client.request(this.o.unsubscribe, [upstreamId]).catch(() => undefined);
      return;
    }
    this.upstream = u;
    this.upstreamId = upstreamId;
    u.client.once('close', this.#onClose);
    u.client.onNotification(upstreamId, (n) => this.#enqueue(n, u));
    this.o.pool.off('change', this.#onPoolChange);
    this.o.pool.on('change', this.#onPoolChange);
  }

  #enqueue(n: JsonRpcNotification, u: Upstream): void {
    this.#queue = this.#queue
      .then(() => this.#handle(n.params.result, u))
      .catch((e: Error) => this.o.logger.warn({ sub: this.o.id, method: this.o.method, err: e.message }, 'subscription notification not delivered'));
  }

  async #handle(result: unknown, u: Upstream): Promise<void> {
    if (this.#closed || this.upstream !== u) return;
    if (this.#heads) return this.#heads.accept(result as JsonHeader, u.client);
    if (this.#storage) return this.#storage.accept(result as StorageChangeSet, u.client);
    const text = JSON.stringify(result);
    if (text === this.#lastRuntime) return;
    this.#lastRuntime = text;
    this.o.deliver(this.o.notification, this.o.id, result);
  }

  /**
   * Moves to `next` without a gap: subscribes there first (its notifications go through the same
   * follower, which drops repeats and fills gaps), then unsubscribes from the old upstream.
   */
  async moveTo(next: Upstream): Promise<void> {
    const old = this.upstream;
    const oldId = this.upstreamId;
    if (this.#closed || !old || oldId === undefined || old === next) return;
    old.client.off('close', this.#onClose);
    this.#storage?.moved();
    try {
      await this.#subscribeOn(next);
    } catch (e) {
      if (this.upstream === old) old.client.once('close', this.#onClose);
      throw e;
    }
    old.client.offNotification(oldId);
    void old.client.request(this.o.unsubscribe, [oldId]).catch(() => undefined);
  }

  #move(): void {
    const dead = this.upstream;
    this.upstream = undefined;
    this.upstreamId = undefined;
    if (this.#closed) return;
    this.o.metrics.subscriptionMoves.inc();
    this.#storage?.moved();
    // The dead or stale upstream is not usable, so it is not picked until it is healthy again.
    const attempt = async (): Promise<void> => {
      while (!this.#closed) {
        const next = this.o.choose?.() ?? (await this.o.pool.waitForUsable(undefined, this.#abort.signal));
        try {
          await this.#subscribeOn(next);
          this.o.logger.debug({ sub: this.o.id, method: this.o.method, from: dead?.name, to: next.name }, 'subscription moved');
          return;
        } catch (e) {
          this.o.logger.debug({ sub: this.o.id, upstream: next.name, err: (e as Error).message }, 'resubscribing failed; trying again');
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    attempt().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#abort.abort(new Error('subscription closed'));
    this.o.pool.off('change', this.#onPoolChange);
    const u = this.upstream;
    const id = this.upstreamId;
    if (!u || id === undefined) return;
    u.client.off('close', this.#onClose);
    u.client.offNotification(id);
    await u.client.request(this.o.unsubscribe, [id]).catch(() => undefined);
  }
}
