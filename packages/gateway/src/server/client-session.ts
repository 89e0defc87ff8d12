import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { LimitExceededError } from '../errors.ts';
import { encodeNotification } from '../jsonrpc/encode.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import { LegacySubscription } from '../subscriptions/legacy-subscription.ts';
import { isFinalEvent, PinnedSubscription } from '../subscriptions/pinned-subscription.ts';
import { SUBSCRIPTIONS } from '../subscriptions/subscription-kinds.ts';
import type { Subscription } from '../subscriptions/subscription.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { Upstream } from '../upstream/upstream.ts';
import { UpstreamClosedError } from '../errors.ts';
import { UpstreamRpcError } from '../upstream/upstream-client.ts';
import type { Forwarder, Routed } from './forwarder.ts';
import { HeadFloor } from './head-floor.ts';

export interface ClientSessionOptions {
  pool: UpstreamPool;
  poolName?: string;
  forwarder: Forwarder;
  metrics: GatewayMetrics;
  logger: Logger;
  maxSubscriptions: number;
  /** Sends a text frame to the client. */
  send: (text: string) => void;
}

/**
 * One WebSocket client: its subscriptions (legacy ones moved between upstreams, pinned ones tied
 * to theirs), its chainHead_v1 operations and transaction_v1 broadcasts routed to the upstream
 * that holds them. Notifications wait until the client has the subscribe reply.
 */
export class ClientSession {
  readonly #subs = new Map<string, Subscription>();
  readonly #held = new Map<string, string[]>();
  readonly #broadcasts = new Map<string, Upstream>();
  #closed = false;
  #home: Upstream | undefined;
  #anchor: Upstream | undefined;
  #moving = false;
  /** The highest block this client was served. */
  readonly floor = new HeadFloor();
  readonly createdAt = Date.now();

  constructor(private readonly o: ClientSessionOptions) {
    try {
      this.#setAnchor(o.pool.pickForSession());
    } catch {
      /* no usable upstream yet: anchored when first needed */
    }
  }

  /**
   * The upstream this session's subscriptions live on: chosen at connect time as the one with the
   * fewest live sessions, replaced when it leaves the rotation, changed by {@link moveTo}.
   */
  get anchor(): Upstream | undefined {
    return this.#anchor;
  }

  /** The anchor, re-chosen when it is not usable; undefined while no upstream is. */
  anchorIfUsable(): Upstream | undefined {
    if (this.#anchor?.usable) return this.#anchor;
    try {
      this.#setAnchor(this.o.pool.pickForSession());
    } catch {
      return undefined;
    }
    return this.#anchor;
  }

  #anchorOrPick(): Upstream {
    return this.anchorIfUsable() ?? this.o.pool.pickForSubscription();
  }

  #setAnchor(u: Upstream | undefined): void {
    if (u === this.#anchor) return;
    if (this.#anchor) this.#anchor.sessions--;
    this.#anchor = u;
    if (u) u.sessions++;
  }

  /** Only legacy subscriptions can move without the client noticing; pinned ones keep a session where it is. */
  get movable(): boolean {
    if (this.#closed || this.#moving) return false;
    for (const s of this.#subs.values()) if (!(s instanceof LegacySubscription)) return false;
    return true;
  }

  /**
   * Re-anchors the session on `target` (else the usable upstream with the fewest sessions, not
   * the current one) and moves its legacy subscriptions there, each without a gap or a repeat.
   */
  async moveTo(target: Upstream | undefined): Promise<Upstream | undefined> {
    if (this.#closed) return undefined;
    const from = this.#anchor;
    let to = target;
    if (!to) {
      try {
        to = this.o.pool.pickForSession(from ? new Set([from]) : undefined);
      } catch {
        return undefined;
      }
    }
    this.#moving = true;
    try {
      this.#setAnchor(to);
      for (const s of [...this.#subs.values()]) if (s instanceof LegacySubscription && s.upstream !== to) await s.moveTo(to);
    } finally {
      this.#moving = false;
    }
    return to;
  }

  /**
   * The upstream this client's nonce queries and submissions go to while it is usable, so that
   * `system_accountNextIndex` sees the transactions the client just submitted (each node's pool
   * is its own; dinfra-node followers forward submissions to their author and keep none, so an
   * authoring upstream is preferred). Chosen when first needed, replaced when it leaves the rotation.
   */
  home(): Upstream {
    if (!this.#home?.usable) this.#home = this.o.pool.pickHome();
    return this.#home;
  }

  /** A request that should see this client's own submissions (see {@link home}). */
  async homeCall(method: string, params: unknown): Promise<Routed> {
    return this.o.forwarder.forward(method, params, undefined, this.home());
  }

  /** Subscribes; resolves with the gateway's subscription id (the client's reply follows, then {@link release}). */
  async subscribe(method: string, params: unknown[]): Promise<{ id: string; via: string }> {
    const kind = SUBSCRIPTIONS[method]!;
    if (this.#subs.size >= this.o.maxSubscriptions) throw new LimitExceededError(`too many subscriptions on this connection: ${this.o.maxSubscriptions} (limits.maxSubscriptionsPerConnection)`);
    const id = randomBytes(8).toString('hex');
    this.#held.set(id, []);
    try {
      if (kind.type === 'legacy') {
        const sub = new LegacySubscription({
          id,
          method,
          params,
          mode: kind.mode,
          notification: kind.notification,
          unsubscribe: kind.unsubscribe[0]!,
          pool: this.o.pool,
          deliver: this.#deliver,
          logger: this.o.logger,
          metrics: this.o.metrics,
          choose: () => this.anchorIfUsable(),
          onHead: (n) => this.floor.raise(n),
        });
        let u = this.#anchorOrPick();
        try {
          await sub.start(u);
        } catch (e) {
          if (!(e instanceof UpstreamClosedError)) throw e;
          u = this.o.pool.pickForSubscription(new Set([u]));
          this.#setAnchor(u);
          await sub.start(u);
        }
        this.#add(sub);
        return { id, via: u.name };
      }
      // Transaction watches go home (the node that knows the client's nonces); follows spread.
      const u = method === 'chainHead_v1_follow' ? this.#anchorOrPick() : this.home();
      const reply = await u.client.request(method, params);
      if (reply.isError) throw new UpstreamRpcError(reply.error!);
      const sub = new PinnedSubscription({
        id,
        method,
        upstream: u,
        upstreamId: String(reply.result),
        notification: kind.notification,
        unsubscribe: kind.unsubscribe[0]!,
        endEvent: kind.endEvent,
        deliver: this.#deliver,
        onEnd: (s) => this.#remove(s),
        isFinal: (r) => isFinalEvent(kind.notification, r),
        pool: method === 'chainHead_v1_follow' ? this.o.pool : undefined,
      });
      this.#add(sub);
      return { id, via: u.name };
    } catch (e) {
      this.#held.delete(id);
      throw e;
    }
  }

  /** Sends the notifications that waited for the subscribe reply. */
  release(id: string): void {
    const held = this.#held.get(id);
    this.#held.delete(id);
    if (!held || this.#closed) return;
    for (const text of held) this.o.send(text);
  }

  async unsubscribe(params: unknown): Promise<boolean> {
    const id = Array.isArray(params) ? String(params[0]) : '';
    const sub = this.#subs.get(id);
    if (!sub) return false;
    this.#remove(sub);
    await sub.close();
    return true;
  }

  /** A chainHead_v1 operation (to its follow subscription's upstream) or transaction_v1_stop. */
  async pinnedCall(method: string, params: unknown): Promise<Routed> {
    const first = Array.isArray(params) ? String(params[0]) : '';
    if (method === 'transaction_v1_stop') {
      const u = this.#broadcasts.get(first);
      if (u) this.#broadcasts.delete(first);
      return this.o.forwarder.forward(method, params, u?.usable ? u : undefined);
    }
    const sub = this.#subs.get(first);
    if (!sub || !(sub instanceof PinnedSubscription)) return this.o.forwarder.forward(method, params);
    return this.o.forwarder.forward(method, [sub.upstreamId, ...(params as unknown[]).slice(1)], sub.upstream);
  }

  /** transaction_v1_broadcast: remembers where, for transaction_v1_stop. */
  async broadcast(params: unknown): Promise<Routed> {
    const routed = await this.o.forwarder.forward('transaction_v1_broadcast', params, undefined, this.home());
    if (!routed.reply.isError && typeof routed.reply.result === 'string' && routed.upstream) this.#broadcasts.set(routed.reply.result, routed.upstream);
    return routed;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#setAnchor(undefined);
    const subs = [...this.#subs.values()];
    for (const s of subs) this.#remove(s);
    await Promise.all(subs.map((s) => s.close()));
  }

  readonly #deliver = (method: string, subscription: string, result: unknown): void => {
    if (this.#closed) return;
    const text = encodeNotification(method, subscription, result);
    this.o.metrics.notifications.inc({ method });
    const held = this.#held.get(subscription);
    if (held) held.push(text);
    else this.o.send(text);
  };

  #add(sub: Subscription): void {
    this.#subs.set(sub.id, sub);
    this.o.metrics.subscriptions.inc({ method: sub.method });
  }

  #remove(sub: Subscription): void {
    if (this.#subs.get(sub.id) !== sub) return;
    this.#subs.delete(sub.id);
    this.o.metrics.subscriptions.dec({ method: sub.method });
  }
}
