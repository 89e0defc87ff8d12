import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { UpstreamPool } from '../upstream/pool.ts';
import type { Dispatcher } from './dispatcher.ts';
import { callerIdentity, checkApiKey } from './caller-identity.ts';

export interface HttpRoutesOptions {
  pool: UpstreamPool;
  dispatcher: Dispatcher;
  metrics: GatewayMetrics;
  apiKeys: ReadonlySet<string>;
  maxRequestBytes: number;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, x-api-key', 'access-control-allow-methods': 'GET, POST, OPTIONS' };

/** `/health` (200 while an upstream is usable), `/healthz`, `/readyz`, `/metrics`, and JSON-RPC over HTTP POST. */
export function httpRoutes(o: HttpRoutesOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const health = (res: ServerResponse) => {
    const upstreams = o.pool.upstreams.map((u) => ({ name: u.name, url: u.client.url, connected: u.client.isOpen, usable: u.usable, reasons: u.client.isOpen ? u.verdict.reasons : ['disconnected'], best: u.sample?.best, finalized: u.sample?.finalized, probes: u.probes }));
    const usable = upstreams.filter((u) => u.usable).length;
    res.writeHead(usable > 0 ? 200 : 503, { 'content-type': 'application/json', ...CORS }).end(JSON.stringify({ status: usable > 0 ? 'ok' : 'unavailable', usable, upstreams }));
  };
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
    if (req.method === 'GET' && (path === '/health' || path === '/readyz')) return health(res);
    if (req.method === 'GET' && path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (req.method === 'GET' && path === '/metrics') {
      for (const u of o.pool.upstreams) {
        o.metrics.upstreamOutstanding.set({ upstream: u.name }, u.client.outstanding);
        o.metrics.upstreamEwma.set({ upstream: u.name }, u.client.latency.value);
      }
      void o.metrics.registry.metrics().then((text) => res.writeHead(200, { 'content-type': o.metrics.registry.contentType }).end(text));
      return;
    }
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'GET, POST', ...CORS }).end();
    const id = callerIdentity(req);
    const key = checkApiKey(id.apiKey, o.apiKeys);
    if (key.refusal) return void res.writeHead(401, { 'content-type': 'application/json', ...CORS }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: key.refusal }, id: null }));
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
      void o.dispatcher.handleMessage(Buffer.concat(chunks).toString('utf8'), { ip: id.ip, apiKey: key.key, session: undefined }).then((a) => {
        if (a.text === undefined) res.writeHead(204, CORS).end();
        else res.writeHead(200, { 'content-type': 'application/json', ...CORS }).end(a.text);
      });
    });
  };
}
