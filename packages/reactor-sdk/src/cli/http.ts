import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export interface OpsServerOptions {
  readonly host: string;
  readonly port: number;
  readonly registry: Registry;
  readonly ready: () => { ready: boolean; checks: Record<string, string> };
}

/** `/healthz` (alive), `/readyz` (first pass done, OGate reachable), `/metrics` (Prometheus). */
export function startOpsServer(o: OpsServerOptions): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return json(405, { error: 'method not allowed' });
    if (path === '/healthz') return json(200, { status: 'ok' });
    if (path === '/readyz') {
      const r = o.ready();
      return json(r.ready ? 200 : 503, { status: r.ready ? 'ok' : 'unavailable', checks: r.checks });
    }
    if (path === '/metrics') {
      o.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': o.registry.contentType });
        res.end(text);
      }, (err) => json(500, { error: String(err) }));
      return;
    }
    json(404, { error: 'not found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}
