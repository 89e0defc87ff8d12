import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addressUrl, parseHostPort } from '@dinfra/service';
import type { Logger } from 'pino';
import { poolSpecs, type PoolSpec } from './config/pool-specs.ts';
import type { GatewayConfig } from './config/schema.ts';
import { ConnectionLimiter } from './limits/connection-limiter.ts';
import { RateLimiter } from './limits/rate-limiter.ts';
import { AccessLog } from './observability/access-log.ts';
import { createLogger } from './observability/logger.ts';
import { GatewayMetrics } from './observability/metrics.ts';
import { ChainPool } from './pools/chain-pool.ts';
import { PoolRouter } from './pools/pool-router.ts';
import { httpRoutes } from './server/http-routes.ts';
import { WsConnections } from './server/ws-connections.ts';
import { poolStatus, type GatewayStatus } from './status/status-view.ts';

/** Splits `HOST:PORT` (IPv6 in brackets). */
export const parseListen = parseHostPort;

/** What a reload or an admin call changed. */
export interface UpstreamChange {
  pool: string;
  change: 'added' | 'removed';
  upstream: string;
  url: string;
}

/**
 * The gateway: one pool per chain (upstreams, health with the genesis checked per pool, cache,
 * balancing), selected by Host header or path prefix, and the WebSocket + HTTP server on one port.
 */
export class Gateway {
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  readonly router: PoolRouter<ChainPool>;
  readonly access: AccessLog;
  /** Scaling decisions reported by the reactor (newest first), shown in /status. */
  readonly scaling: Array<Record<string, unknown>> = [];
  readonly #server: Server;
  readonly #ws: WsConnections;
  readonly #makePool: (spec: PoolSpec) => ChainPool;
  #started = false;

  private constructor(readonly config: GatewayConfig, logger?: Logger) {
    this.logger = logger ?? createLogger(config.logs);
    this.metrics = new GatewayMetrics();
    const a = config.logs.access;
    this.access = new AccessLog({ enabled: a.enabled && config.logs.level !== 'silent', json: config.logs.json, file: a.file, sample: a.sample, flushMs: a.flushMs, counter: this.metrics.accessLines });
    const allow = new Set([...config.methods.allow, ...config.methods.extraAllow].filter((m) => !config.methods.deny.includes(m)));
    const l = config.limits;
    const rateLimiter = new RateLimiter(l.rateLimit);
    let index = 0;
    this.router = new PoolRouter<ChainPool>();
    const deps = {
      config,
      metrics: this.metrics,
      logger: this.logger,
      access: this.access,
      rateLimiter,
      allow,
      nextIndex: () => index++,
      foreign: (self: ChainPool) => {
        const m = new Map<string, { pool: string; chain: string }>();
        for (const p of this.router.pools) if (p !== self && p.monitor.identity.genesisHash) m.set(p.monitor.identity.genesisHash, { pool: p.name, chain: p.monitor.identity.chain ?? '?' });
        return m;
      },
    };
    this.#makePool = (spec) => new ChainPool(spec, deps);
    this.router.set(poolSpecs(config).map(this.#makePool));
    const apiKeys = new Set(l.apiKeys);
    this.#ws = new WsConnections({ router: this.router, metrics: this.metrics, logger: this.logger, limiter: new ConnectionLimiter(l), apiKeys, maxRequestBytes: l.maxRequestBytes, maxSubscriptionsPerConnection: l.maxSubscriptionsPerConnection });
    this.#server = createServer(httpRoutes({ router: this.router, metrics: this.metrics, apiKeys, maxRequestBytes: l.maxRequestBytes, status: () => this.status() }));
    this.#server.keepAliveTimeout = 65_000;
    this.#server.on('upgrade', (req, socket, head) => this.#ws.handleUpgrade(req, socket, head));
  }

  static create(config: GatewayConfig, opts: { logger?: Logger } = {}): Gateway {
    return new Gateway(config, opts.logger);
  }

  get pools(): readonly ChainPool[] {
    return this.router.pools;
  }

  poolNamed(name: string): ChainPool | undefined {
    return this.router.pools.find((p) => p.name === name);
  }

  status(): GatewayStatus {
    return { pools: this.router.pools.map(poolStatus), scaling: this.scaling.slice(0, 50) };
  }

  /** Connects to the upstreams, starts probing and listens; resolves with the bound address. */
  async start(): Promise<{ host: string; port: number; url: string }> {
    this.#started = true;
    for (const p of this.router.pools) p.start();
    const { host, port } = parseListen(this.config.listen);
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve());
    });
    const addr = this.#server.address() as AddressInfo;
    return { host: addr.address, port: addr.port, url: addressUrl('ws', addr.address, addr.port) };
  }

  /**
   * Brings the pools to `specs` (a reloaded config): new pools and upstreams are added, missing ones
   * drained and removed, host names and paths replaced; client connections stay open.
   */
  async apply(specs: PoolSpec[]): Promise<UpstreamChange[]> {
    const changes: UpstreamChange[] = [];
    const keep = new Set(specs.map((s) => s.name));
    const next: ChainPool[] = [];
    for (const spec of specs) {
      let p = this.poolNamed(spec.name);
      if (!p) {
        p = this.#makePool({ ...spec, upstreams: [] });
        if (this.#started) p.start();
      }
      p.hosts = spec.hosts;
      p.paths = spec.paths;
      p.catchAll = spec.catchAll;
      next.push(p);
      const wanted = new Set(spec.upstreams.map((u) => u.url));
      for (const u of spec.upstreams) if (!p.pool.upstreams.some((x) => x.client.url === u.url)) changes.push(this.#added(p, p.addUpstream(u).name, u.url));
      for (const u of [...p.pool.upstreams]) if (!wanted.has(u.client.url)) changes.push(await this.removeUpstream(p, u.name));
    }
    const gone = this.router.pools.filter((p) => !keep.has(p.name));
    this.router.set(next);
    for (const p of gone) {
      for (const u of [...p.pool.upstreams]) changes.push(await this.removeUpstream(p, u.name));
      p.stop();
    }
    return changes;
  }

  #added(p: ChainPool, name: string, url: string): UpstreamChange {
    this.metrics.upstreamChanges.inc({ pool: p.name, change: 'added' });
    this.logger.info({ pool: p.name, upstream: name, url }, 'upstream added');
    return { pool: p.name, change: 'added', upstream: name, url };
  }

  addUpstream(p: ChainPool, entry: { url: string; name?: string | undefined }): UpstreamChange {
    return this.#added(p, p.addUpstream(entry).name, entry.url);
  }

  async removeUpstream(p: ChainPool, name: string): Promise<UpstreamChange> {
    const u = p.pool.byName(name);
    if (!u) throw new Error(`pool "${p.name}" has no upstream "${name}"`);
    await p.removeUpstream(u);
    this.metrics.upstreamChanges.inc({ pool: p.name, change: 'removed' });
    this.logger.info({ pool: p.name, upstream: u.name, url: u.client.url }, 'upstream removed');
    return { pool: p.name, change: 'removed', upstream: u.name, url: u.client.url };
  }

  async close(): Promise<void> {
    for (const p of this.router.pools) p.stop();
    this.#ws.close();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
    this.access.close();
    this.logger.flush();
  }
}
