import { UpstreamClosedError, UpstreamTimeoutError } from '../errors.ts';
import type { ImmutableCache } from '../cache/immutable-cache.ts';
import type { UpstreamReply } from '../jsonrpc/upstream-reply.ts';
import { blockHashParam, isRetryableRead, looksLikeUnknownBlock } from '../methods/method-kinds.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { LatencyWindow } from '../upstream/latency-window.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { Upstream } from '../upstream/upstream.ts';
import { HEAD_READS, headNumberOf, type HeadFloor } from './head-floor.ts';

export interface Routed {
  reply: UpstreamReply;
  /** The upstream that answered, or `cache`. */
  via: string;
  upstream?: Upstream;
}

export interface ForwarderOptions {
  pool: UpstreamPool;
  cache: ImmutableCache;
  metrics: GatewayMetrics;
  poolName: string;
  /** The pool's read latencies (hedging waits for their quantile). */
  latency: LatencyWindow;
  hedge: { enabled: boolean; quantile: number; floorMs: number; budget?: number };
}

/**
 * Sends a plain request to the best upstream. Immutable answers come from the cache. A read still
 * unanswered after the pool's latency quantile (floor `hedge.floorMs`) is sent once more to another
 * upstream and the first answer wins (hedges stay within `hedge.budget` of the reads, 10%); a read whose upstream fails before answering is retried once
 * on another; a read at a block hash that the chosen upstream does not know yet (`null`,
 * UnknownBlock) is asked again of the most advanced; a head below the client's floor likewise.
 */
export class Forwarder {
  /** Hedges that may be sent now: each read earns `hedge.budget` (0.1), a hedge spends 1 (at most 10 saved). */
  #hedgeTokens = 1;

  constructor(private readonly o: ForwarderOptions) {}

  /**
   * `to`: only that upstream (pinned operations). `prefer`: that upstream first (a client's home
   * for nonces and submissions), with the usual retry elsewhere for reads. `floor`: the highest
   * block the client was served (latest-state reads prefer upstreams at least that far).
   */
  async forward(method: string, params: unknown, to?: Upstream, prefer?: Upstream, floor?: HeadFloor): Promise<Routed> {
    const key = to ? undefined : this.o.cache.keyFor(method, params, this.o.pool.finalized);
    if (key) {
      const hit = this.o.cache.get(key);
      this.o.metrics.cache.inc({ result: hit ? 'hit' : 'miss' });
      if (hit) return { reply: hit, via: 'cache' };
    }
    const retryable = !to && isRetryableRead(method);
    const hedged = retryable && this.o.hedge.enabled;
    const minBest = floor && floor.value > 0 && !key ? floor.value : undefined;
    const tried = new Set<Upstream>();
    let u = to ?? (prefer?.usable ? prefer : this.o.pool.pick(undefined, minBest));
    let failures = 0;
    let laggingRetried = false;
    for (;;) {
      let reply: UpstreamReply;
      try {
        ({ reply, u } = hedged ? await this.#hedged(u, method, params, tried) : { reply: await this.#send(u, method, params, tried), u });
      } catch (e) {
        const transient = e instanceof UpstreamClosedError || e instanceof UpstreamTimeoutError;
        if (!retryable || !transient || failures >= 1) throw e;
        failures++;
        this.o.metrics.retries.inc({ method, reason: e instanceof UpstreamClosedError ? 'closed' : 'timeout' });
        u = this.o.pool.pick(tried, minBest);
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
      if (HEAD_READS.has(method) && !reply.isError) {
        const n = headNumberOf(method, params, reply.result);
        if (n !== undefined) {
          if (n > u.best) u.best = n;
          if (floor && n < floor.value && retryable && !laggingRetried) {
            const other = this.o.pool.mostAdvanced(tried);
            if (other && other.best > n) {
              laggingRetried = true;
              this.o.metrics.headFloorRetries.inc({ pool: this.o.poolName });
              u = other;
              continue;
            }
          }
          floor?.raise(n);
        }
      }
      if (key) this.o.cache.set(key, reply);
      return { reply, via: u.name, upstream: u };
    }
  }

  /** Sends to `first`; unanswered after the pool's quantile, once more to another; the first answer wins. */
  #hedged(first: Upstream, method: string, params: unknown, tried: Set<Upstream>): Promise<{ reply: UpstreamReply; u: Upstream }> {
    const h = this.o.hedge;
    this.#hedgeTokens = Math.min(10, this.#hedgeTokens + (h.budget ?? 0.1));
    const q = this.o.latency.quantile(h.quantile) * 1000;
    const delay = Number.isFinite(q) ? Math.max(h.floorMs, q) : h.floorMs;
    return new Promise((resolve, reject) => {
      let settled = false;
      let pending = 0;
      let timer: NodeJS.Timeout | undefined;
      const launch = (u: Upstream, hedge: boolean) => {
        pending++;
        this.#send(u, method, params, tried).then(
          (reply) => {
            pending--;
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            if (hedge) this.o.metrics.hedges.inc({ pool: this.o.poolName, outcome: 'won' });
            resolve({ reply, u });
          },
          (e: unknown) => {
            pending--;
            if (settled || pending > 0) return;
            settled = true;
            clearTimeout(timer);
            reject(e);
          },
        );
      };
      launch(first, false);
      if (settled || pending === 0) return;
      timer = setTimeout(() => {
        // Within budget only: when every read is slow (a saturated pool), hedges would add load.
        if (settled || this.#hedgeTokens < 1) return;
        let other: Upstream;
        try {
          other = this.o.pool.pick(tried);
        } catch {
          return;
        }
        this.#hedgeTokens -= 1;
        this.o.metrics.hedges.inc({ pool: this.o.poolName, outcome: 'sent' });
        launch(other, true);
      }, delay);
    });
  }

  async #send(u: Upstream, method: string, params: unknown, tried: Set<Upstream>): Promise<UpstreamReply> {
    tried.add(u);
    const started = performance.now();
    try {
      const reply = await u.client.request(method, params);
      this.o.latency.add((performance.now() - started) / 1000);
      return reply;
    } finally {
      this.o.metrics.upstreamDuration.observe({ method, upstream: u.name }, (performance.now() - started) / 1000);
    }
  }
}
