import type { Logger } from 'pino';
import { ImmutableCache } from '../cache/immutable-cache.ts';
import type { PoolSpec } from '../config/pool-specs.ts';
import type { GatewayConfig } from '../config/schema.ts';
import { HealthMonitor } from '../health/health-monitor.ts';
import type { RateLimiter } from '../limits/rate-limiter.ts';
import type { AccessLog } from '../observability/access-log.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { ClientSession } from '../server/client-session.ts';
import { Dispatcher } from '../server/dispatcher.ts';
import { Forwarder } from '../server/forwarder.ts';
import { LatencyWindow } from '../upstream/latency-window.ts';
import { UpstreamPool } from '../upstream/pool.ts';
import { SessionBalancer } from './session-balancer.ts';
import { Upstream } from '../upstream/upstream.ts';
import { UpstreamClient } from '../upstream/upstream-client.ts';

export interface ChainPoolDeps {
  config: GatewayConfig;
  metrics: GatewayMetrics;
  logger: Logger;
  access: AccessLog;
  rateLimiter: RateLimiter;
  allow: ReadonlySet<string>;
  /** Genesis hashes the other pools settled on. */
  foreign: (self: ChainPool) => ReadonlyMap<string, { pool: string; chain: string }>;
  /** A gateway-wide upstream number (names stay unique across pools). */
  nextIndex: () => number;
}

/**
 * One chain served by the gateway: its upstreams and their health (genesis checked against the
 * pool's), its cache, forwarder and dispatcher, and the WebSocket sessions connected to it.
 */
export class ChainPool {
  readonly name: string;
  hosts: string[];
  paths: string[];
  catchAll: boolean;
  readonly pool: UpstreamPool;
  readonly monitor: HealthMonitor;
  readonly forwarder: Forwarder;
  readonly dispatcher: Dispatcher;
  readonly latency: LatencyWindow;
  readonly sessions = new Set<ClientSession>();
  readonly balancer: SessionBalancer;
  #started = false;

  constructor(spec: PoolSpec, private readonly deps: ChainPoolDeps) {
    const { config } = deps;
    this.name = spec.name;
    this.hosts = spec.hosts;
    this.paths = spec.paths;
    this.catchAll = spec.catchAll;
    this.pool = new UpstreamPool(spec.upstreams.map((u) => this.#upstream(u)));
    this.monitor = new HealthMonitor({
      pool: this.pool,
      rules: { ...config.health, chain: spec.chain, genesisHash: spec.genesisHash, archive: config.archive },
      intervalMs: config.health.intervalMs,
      timeoutMs: config.health.timeoutMs,
      logger: deps.logger,
      metrics: deps.metrics,
      poolName: spec.name,
      foreign: () => deps.foreign(this),
    });
    this.latency = new LatencyWindow();
    const cache = new ImmutableCache(config.cache);
    this.forwarder = new Forwarder({ pool: this.pool, cache, metrics: deps.metrics, poolName: spec.name, latency: this.latency, hedge: config.routing.hedge });
    const l = config.limits;
    this.balancer = new SessionBalancer({ poolName: spec.name, pool: this.pool, sessions: this.sessions, metrics: deps.metrics, logger: deps.logger.child({ name: 'balance' }), ...config.routing.rebalance });
    this.dispatcher = new Dispatcher({ allow: deps.allow, forwarder: this.forwarder, rateLimiter: deps.rateLimiter, metrics: deps.metrics, logger: deps.logger, access: deps.access, poolName: spec.name, maxRequestBytes: l.maxRequestBytes, maxBatch: l.maxBatch });
  }

  #upstream(u: { url: string; name?: string | undefined }): Upstream {
    const { config, logger } = this.deps;
    const i = this.deps.nextIndex();
    return new Upstream(
      new UpstreamClient({
        url: u.url,
        name: u.name ?? `${new URL(u.url).host}#${i}`,
        logger: logger.child({ name: 'upstream', pool: this.name }),
        requestTimeoutMs: config.routing.requestTimeoutMs,
        ewmaAlpha: config.routing.ewmaAlpha,
        backoff: { initialMs: config.routing.reconnectInitialMs, maxMs: config.routing.reconnectMaxMs },
      }),
    );
  }

  start(): void {
    this.#started = true;
    for (const u of this.pool.upstreams) u.client.connect();
    this.monitor.start();
    this.balancer.start();
  }

  /** Adds an upstream at run time: it joins the rotation once a probe passes. */
  addUpstream(entry: { url: string; name?: string | undefined }): Upstream {
    const u = this.#upstream(entry);
    this.monitor.watch(u);
    this.pool.add(u);
    if (this.#started) u.client.connect();
    return u;
  }

  /**
   * Removes an upstream without failing a client: it takes no new work, its sessions move to the
   * others (subscriptions re-established with gap-fill), requests in flight finish (up to `drainMs`).
   */
  async removeUpstream(u: Upstream, drainMs = 10_000): Promise<void> {
    u.draining = true;
    this.pool.emit('change');
    const deadline = Date.now() + drainMs;
    for (const s of this.sessions) if (s.anchor === u) await s.moveTo(undefined).catch(() => undefined);
    while (u.client.outstanding > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    this.pool.remove(u);
    u.client.stop();
    this.deps.metrics.upstreamUsable.remove({ upstream: u.name });
  }

  stop(): void {
    this.balancer.stop();
    this.monitor.stop();
    for (const u of this.pool.upstreams) u.client.stop();
  }
}
