import type { UpstreamPool } from '../upstream/pool.ts';
import type { Upstream } from '../upstream/upstream.ts';
import type { Deliver, Subscription } from './subscription.ts';

/**
 * A subscription that lives on one upstream (chainHead_v1_follow and its operations, transaction
 * watches): when that upstream goes, the client gets `endEvent` and the subscription ends.
 */
export class PinnedSubscription implements Subscription {
  #closed = false;
  readonly #onClose = () => this.#end();
  readonly #onPoolChange = () => {
    const u = this.o.upstream;
    if (u.usable || !u.client.isOpen || this.o.pool!.usable().length === 0) return;
    void u.client.request(this.o.unsubscribe, [this.o.upstreamId]).catch(() => undefined);
    this.#end();
  };

  constructor(
    private readonly o: {
      id: string;
      method: string;
      upstream: Upstream;
      upstreamId: string;
      notification: string;
      unsubscribe: string;
      endEvent: unknown;
      deliver: Deliver;
      onEnd: (s: PinnedSubscription) => void;
      isFinal: (result: unknown) => boolean;
      /** When given, the subscription also ends (with `endEvent`) once its upstream leaves the rotation. */
      pool?: UpstreamPool | undefined;
    },
  ) {
    o.upstream.client.once('close', this.#onClose);
    o.pool?.on('change', this.#onPoolChange);
    o.upstream.client.onNotification(o.upstreamId, (n) => {
      if (this.#closed) return;
      o.deliver(n.method, o.id, n.params.result);
      if (o.isFinal(n.params.result)) this.#finish();
    });
  }

  get id(): string {
    return this.o.id;
  }

  get method(): string {
    return this.o.method;
  }

  get upstream(): Upstream {
    return this.o.upstream;
  }

  get upstreamId(): string {
    return this.o.upstreamId;
  }

  #end(): void {
    if (this.#closed) return;
    this.o.deliver(this.o.notification, this.o.id, this.o.endEvent);
    this.#finish();
  }

  #finish(): void {
    this.#closed = true;
    this.o.pool?.off('change', this.#onPoolChange);
    this.o.upstream.client.off('close', this.#onClose);
    this.o.upstream.client.offNotification(this.o.upstreamId);
    this.o.onEnd(this);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#finish();
    await this.o.upstream.client.request(this.o.unsubscribe, [this.o.upstreamId]).catch(() => undefined);
  }
}

/** Notifications after which the upstream ends the subscription itself. */
export function isFinalEvent(notification: string, result: unknown): boolean {
  if (notification === 'chainHead_v1_followEvent') return (result as { event?: unknown } | null)?.event === 'stop';
  if (notification === 'transactionWatch_v1_watchEvent') return ['finalized', 'invalid', 'dropped', 'error'].includes(String((result as { event?: unknown } | null)?.event));
  if (typeof result === 'string') return ['invalid', 'dropped'].includes(result);
  return !!result && typeof result === 'object' && ['finalized', 'usurped', 'finalityTimeout'].some((k) => k in result);
}
