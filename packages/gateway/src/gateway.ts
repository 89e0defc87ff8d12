import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { ImmutableCache } from './cache/immutable-cache.ts';
import type { GatewayConfig } from './config/schema.ts';
import { HealthMonitor } from './health/health-monitor.ts';
import { ConnectionLimiter } from './limits/connection-limiter.ts';
import { RateLimiter } from './limits/rate-limiter.ts';
import { createLogger } from './observability/logger.ts';
import { GatewayMetrics } from './observability/metrics.ts';
import { Dispatcher } from './server/dispatcher.ts';
import { Forwarder } from './server/forwarder.ts';
import { httpRoutes } from './server/http-routes.ts';
import { WsConnections } from './server/ws-connections.ts';
import { UpstreamPool } from './upstream/pool.ts';
import { Upstream } from './upstream/upstream.ts';
import { UpstreamClient } from './upstream/upstream-client.ts';

/** Splits `HOST:PORT` (IPv6 in brackets). */
export function parseListen(listen: string): { host: string; port: number } {
  const i = listen.lastIndexOf(':');
  return { host: listen.slice(0, i).replace(/^\[(.*)\]$/, '$1'), port: Number(listen.slice(i + 1)) };
}

/** The gateway: upstream pool, health monitor, and the WebSocket + HTTP server on one port. */
export class Gateway {
  readonly pool: UpstreamPool;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  readonly #server: Server;
  readonly #monitor: HealthMonitor;
  readonly #ws: WsConnections;

  private constructor(readonly config: GatewayConfig, logger?: Logger) {
    this.logger = logger ?? createLogger(config.logs);
    this.metrics = new GatewayMetrics();
    const clients = config.upstreams.map((u, i) => {
      const { url, name } = typeof u === 'string' ? { url: u, name: undefined } : u;
      return new UpstreamClient({
        url,
        name: name ?? `${new URL(url).host}#${i}`,
        logger: this.logger.child({ module: 'upstream' }),
        requestTimeoutMs: config.routing.requestTimeoutMs,
        ewmaAlpha: config.routing.ewmaAlpha,
        backoff: { initialMs: config.routing.reconnectInitialMs, maxMs: config.routing.reconnectMaxMs },
      });
    });
    this.pool = new UpstreamPool(clients.map((c) => new Upstream(c)));
    this.#monitor = new HealthMonitor({ pool: this.pool, rules: { ...config.health, archive: config.archive }, intervalMs: config.health.intervalMs, timeoutMs: config.health.timeoutMs, logger: this.logger, metrics: this.metrics });
    const cache = new ImmutableCache(config.cache);
    const forwarder = new Forwarder({ pool: this.pool, cache, metrics: this.metrics });
    const allow = new Set([...config.methods.allow, ...config.methods.extraAllow].filter((m) => !config.methods.deny.includes(m)));
    const l = config.limits;
    const dispatcher = new Dispatcher({ allow, forwarder, rateLimiter: new RateLimiter(l.rateLimit), metrics: this.metrics, logger: this.logger, maxRequestBytes: l.maxRequestBytes, maxBatch: l.maxBatch });
    const apiKeys = new Set(l.apiKeys);
    this.#ws = new WsConnections({ pool: this.pool, forwarder, dispatcher, metrics: this.metrics, logger: this.logger, limiter: new ConnectionLimiter(l), apiKeys, maxRequestBytes: l.maxRequestBytes, maxSubscriptionsPerConnection: l.maxSubscriptionsPerConnection });
    this.#server = createServer(httpRoutes({ pool: this.pool, dispatcher, metrics: this.metrics, apiKeys, maxRequestBytes: l.maxRequestBytes }));
    this.#server.keepAliveTimeout = 65_000;
    this.#server.on('upgrade', (req, socket, head) => this.#ws.handleUpgrade(req, socket, head));
  }

  static create(config: GatewayConfig, opts: { logger?: Logger } = {}): Gateway {
    return new Gateway(config, opts.logger);
  }

  /** Connects to the upstreams, starts probing and listens; resolves with the bound address. */
  async start(): Promise<{ host: string; port: number; url: string }> {
    for (const u of this.pool.upstreams) u.client.connect();
    this.#monitor.start();
    const { host, port } = parseListen(this.config.listen);
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve());
    });
    const addr = this.#server.address() as AddressInfo;
    const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    return { host: addr.address, port: addr.port, url: `ws://${shown}:${addr.port}` };
  }

  async close(): Promise<void> {
    this.#monitor.stop();
    this.#ws.close();
    for (const u of this.pool.upstreams) u.client.stop();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
    this.logger.flush();
  }
}
