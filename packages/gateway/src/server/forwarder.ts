import { UpstreamClosedError, UpstreamTimeoutError } from '../errors.ts';
import type { ImmutableCache } from '../cache/immutable-cache.ts';
import type { UpstreamReply } from '../jsonrpc/upstream-reply.ts';
import { blockHashParam, isRetryableRead, looksLikeUnknownBlock } from '../methods/method-kinds.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { Upstream } from '../upstream/upstream.ts';

export interface Routed {
  reply: UpstreamReply;
  /** The upstream that answered, or `cache`. */
  via: string;
  upstream?: Upstream;
}

/**
 * Sends a plain request to the best upstream. Immutable answers come from the cache. A read whose
 * upstream fails before answering is retried once on another; a read at a block hash that the
 * chosen upstream does not know yet (`null`, UnknownBlock) is asked again of the most advanced.
 */
export class Forwarder {
  constructor(private readonly o: { pool: UpstreamPool; cache: ImmutableCache; metrics: GatewayMetrics }) {}

  /**
   * `to`: only that upstream (pinned operations). `prefer`: that upstream first (a client's home
   * for nonces and submissions), with the usual retry elsewhere for reads.
   */
  async forward(method: string, params: unknown, to?: Upstream, prefer?: Upstream): Promise<Routed> {
    const key = to ? undefined : this.o.cache.keyFor(method, params, this.o.pool.finalized);
    if (key) {
      const hit = this.o.cache.get(key);
      this.o.metrics.cache.inc({ result: hit ? 'hit' : 'miss' });
      if (hit) return { reply: hit, via: 'cache' };
    }
    const retryable = !to && isRetryableRead(method);
    const tried = new Set<Upstream>();
    let u = to ?? (prefer?.usable ? prefer : this.o.pool.pick());
    let failures = 0;
    let laggingRetried = false;
    for (;;) {
      tried.add(u);
      let reply: UpstreamReply;
      try {
        reply = await this.#send(u, method, params);
      } catch (e) {
        const transient = e instanceof UpstreamClosedError || e instanceof UpstreamTimeoutError;
        if (!retryable || !transient || failures >= 1) throw e;
        failures++;
        this.o.metrics.retries.inc({ method, reason: e instanceof UpstreamClosedError ? 'closed' : 'timeout' });
        u = this.o.pool.pick(tried);
        continue;
      }
      if (retryable && !laggingRetried && (reply.isNull || (reply.isError && looksLikeUnknownBlock(reply.error?.message ?? ''))) && blockHashParam(method, params)) {
        const other = this.o.pool.mostAdvanced(tried);
        if (other) {
          laggingRetried = true;
          this.o.metrics.retries.inc({ method, reason: 'unknown-block' });
          u = other;
          continue;
        }
      }
      if (key) this.o.cache.set(key, reply);
      return { reply, via: u.name, upstream: u };
    }
  }

  async #send(u: Upstream, method: string, params: unknown): Promise<UpstreamReply> {
    const started = performance.now();
    try {
      return await u.client.request(method, params);
    } finally {
      this.o.metrics.upstreamDuration.observe({ method, upstream: u.name }, (performance.now() - started) / 1000);
    }
  }
}
