import type { Logger } from 'pino';
import { encodeNotification, encodeSubscriptionError, isTooBig } from './encode.ts';
import { RpcError } from './errors.ts';
import { randomSubscriptionId } from './subscription-id.ts';
import type { RpcCallContext, RpcSubscription, SubscriptionSink } from './types.ts';

export interface SessionOptions {
  id: number;
  transport: 'ws' | 'http';
  /** Absent for HTTP: such sessions cannot hold subscriptions. */
  send?: ((text: string) => void) | undefined;
  logger: Logger;
  maxSubscriptions: number;
  maxResponseBytes: number;
}

/** One client connection (a WS socket, or a single HTTP request) and its subscriptions. */
export class Session {
  readonly ctx: RpcCallContext;
  readonly subscriptions = new Map<string, ActiveSubscription>();
  private open = true;

  constructor(readonly options: SessionOptions) {
    this.ctx = { connectionId: options.id, transport: options.transport };
  }

  get supportsSubscriptions(): boolean {
    return this.options.send !== undefined;
  }

  get isOpen(): boolean {
    return this.open;
  }

  send(text: string): void {
    if (this.open) this.options.send?.(text);
  }

  /** Reserve a subscription slot; undefined when the per-connection limit is reached. */
  openSubscription(def: RpcSubscription): ActiveSubscription | undefined {
    if (this.subscriptions.size >= this.options.maxSubscriptions) return undefined;
    let id = randomSubscriptionId();
    while (this.subscriptions.has(id)) id = randomSubscriptionId();
    const sub = new ActiveSubscription(id, def, this);
    this.subscriptions.set(id, sub);
    return sub;
  }

  /** The `*_unsubscribe*` call: true when `id` named a live subscription that `method` may end. */
  unsubscribe(id: unknown, method: string): boolean {
    if (typeof id !== 'string') return false;
    const sub = this.subscriptions.get(id);
    if (sub === undefined || !sub.def.unsubscribe.includes(method)) return false;
    sub.close();
    return true;
  }

  /** Socket closed: end every subscription and run its cleanup. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    for (const sub of [...this.subscriptions.values()]) sub.close();
  }
}

/**
 * A subscription and its sink. Notifications are buffered until `markReady()` (called right after the
 * subscribe response was written), so the client always sees the id before the first notification.
 */
export class ActiveSubscription implements SubscriptionSink {
  private ready = false;
  private ended = false;
  private buffer: string[] = [];
  private cleanup: (() => void) | undefined;
  private cleanupDone = false;

  constructor(
    readonly id: string,
    readonly def: RpcSubscription,
    private readonly session: Session,
  ) {}

  get closed(): boolean {
    return this.ended;
  }

  next(result: unknown): void {
    if (this.ended) return;
    let text: string;
    try {
      text = encodeNotification(this.def.notification, this.id, result);
    } catch (err) {
      this.session.options.logger.warn({ err, subscription: this.id }, 'rpc: cannot serialize notification');
      return;
    }
    this.emit(text);
  }

  error(error: unknown): void {
    if (this.ended) return;
    const payload =
      error instanceof RpcError ? error.toErrorObject() : error instanceof Error ? error.message : error;
    try {
      this.emit(encodeSubscriptionError(this.def.notification, this.id, payload ?? null));
    } catch (err) {
      this.session.options.logger.warn({ err, subscription: this.id }, 'rpc: cannot serialize subscription error');
    }
    this.close();
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.session.subscriptions.get(this.id) === this) this.session.subscriptions.delete(this.id);
    if (this.cleanup !== undefined) this.runCleanup();
  }

  /** start() failed or the response was discarded: drop silently, the client never saw the id. */
  abort(): void {
    this.buffer = [];
    this.close();
  }

  /** start() resolved with its cleanup; runs it at once if the subscription already ended. */
  setCleanup(cleanup: unknown): void {
    this.cleanup = typeof cleanup === 'function' ? (cleanup as () => void) : () => {};
    if (this.ended) this.runCleanup();
  }

  /** The subscribe response has been sent: flush buffered notifications. */
  markReady(): void {
    if (this.ready) return;
    this.ready = true;
    const buffered = this.buffer;
    this.buffer = [];
    for (const text of buffered) this.session.send(text);
  }

  private emit(text: string): void {
    if (isTooBig(text, this.session.options.maxResponseBytes)) {
      this.session.options.logger.warn({ subscription: this.id }, 'rpc: notification exceeds max response size, dropped');
      return;
    }
    if (this.ready) this.session.send(text);
    else this.buffer.push(text);
  }

  private runCleanup(): void {
    if (this.cleanupDone || this.cleanup === undefined) return;
    this.cleanupDone = true;
    try {
      this.cleanup();
    } catch (err) {
      this.session.options.logger.warn({ err, subscription: this.id }, 'rpc: subscription cleanup threw');
    }
  }
}
