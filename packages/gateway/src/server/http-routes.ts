import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { ChainPool } from '../pools/chain-pool.ts';
import type { PoolRouter } from '../pools/pool-router.ts';
import { statusHtml, type GatewayStatus } from '../status/status-view.ts';
import { callerIdentity, checkApiKey } from './caller-identity.ts';
import { HttpFloors } from './head-floor.ts';
import { Dispatcher } from './dispatcher.ts';
import { unknownHostError } from './unknown-host.ts';

export interface HttpRoutesOptions {
  router: PoolRouter<ChainPool>;
  metrics: GatewayMetrics;
  apiKeys: ReadonlySet<string>;
  maxRequestBytes: number;
  status: () => GatewayStatus;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, x-api-key', 'access-control-allow-methods': 'GET, POST, OPTIONS' };

/**
 * `/status` (JSON, or HTML), `/health` (200 while an upstream is usable; for the pool the Host
 * selects, else all), `/healthz`, `/readyz`, `/metrics`, and JSON-RPC over HTTP POST to the pool
 * the Host header or path prefix selects (404 with a JSON-RPC error when none does).
 */
export function httpRoutes(o: HttpRoutesOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const floors = new HttpFloors();
  const health = (req: IncomingMessage, res: ServerResponse) => {
    const chain = o.router.select(req.headers.host, '/');
    const pools = chain ? [chain] : o.router.pools;
    const upstreams = pools.flatMap((p) => p.pool.upstreams.map((u) => ({ pool: p.name, name: u.name, url: u.client.url, connected: u.client.isOpen, usable: u.usable, reasons: u.draining ? ['draining'] : u.client.isOpen ? u.verdict.reasons : ['disconnected'], best: u.sample?.best, finalized: u.sample?.finalized, probes: u.probes })));
    const usable = upstreams.filter((u) => u.usable).length;
    const ok = pools.every((p) => p.pool.upstreams.length === 0 || p.pool.usable().length > 0) && usable > 0;
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', ...CORS }).end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', usable, upstreams }));
  };
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
    if (req.method === 'GET' && (path === '/health' || path === '/readyz')) return health(req, res);
    if (req.method === 'GET' && path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (req.method === 'GET' && (path === '/status' || path === '/status.html')) {
      const html = path === '/status.html' || (/text\/html/.test(req.headers.accept ?? '') && !/application\/json/.test(req.headers.accept ?? ''));
      const s = o.status();
      return void (html ? res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(statusHtml(s)) : res.writeHead(200, { 'content-type': 'application/json', ...CORS }).end(JSON.stringify(s)));
    }
    if (req.method === 'GET' && path === '/metrics') {
      for (const p of o.router.pools)
        for (const u of p.pool.upstreams) {
          o.metrics.upstreamOutstanding.set({ upstream: u.name }, u.client.outstanding);
          o.metrics.upstreamEwma.set({ upstream: u.name }, u.client.latency.value);
          o.metrics.upstreamSessions.set({ upstream: u.name, pool: p.name }, u.sessions);
        }
      void o.metrics.registry.metrics().then((text) => res.writeHead(200, { 'content-type': o.metrics.registry.contentType }).end(text));
      return;
    }
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'GET, POST', ...CORS }).end();
    const id = callerIdentity(req);
    const key = checkApiKey(id.apiKey, o.apiKeys);
    if (key.refusal) return void res.writeHead(401, { 'content-type': 'application/json', ...CORS }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: key.refusal }, id: null }));
    const chain = o.router.select(req.headers.host, path);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > o.maxRequestBytes) {
        o.metrics.refused.inc({ reason: 'request-size' });
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close', ...CORS }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32005, message: `request exceeds the gateway's limit of ${o.maxRequestBytes} bytes (limits.maxRequestBytes)` }, id: null }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!chain) {
        o.metrics.refused.inc({ reason: 'unknown-host' });
        return void res.writeHead(404, { 'content-type': 'application/json', ...CORS }).end(Dispatcher.refuseAll(text, unknownHostError(req.headers.host, o.router.describe())));
      }
      void chain.dispatcher.handleMessage(text, { ip: id.ip, apiKey: key.key, session: undefined, floor: floors.of(id.ip, key.key) }).then((a) => {
        if (a.text === undefined) res.writeHead(204, CORS).end();
        else res.writeHead(200, { 'content-type': 'application/json', ...CORS }).end(a.text);
      });
    });
  };
}
