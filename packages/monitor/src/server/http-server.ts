import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApiRequestError } from '../errors.ts';
import type { Monitor } from '../monitor.ts';
import { apiRoute } from './api-routes.ts';
import { pageRoute } from './page-routes.ts';

const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) =>
  void res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra }).end(body);

export const sendJson = (res: ServerResponse, status: number, body: unknown) => send(res, status, 'application/json', JSON.stringify(body));
export const sendProblem = (res: ServerResponse, status: number, title: string, detail: string) =>
  send(res, status, 'application/problem+json', JSON.stringify({ type: 'about:blank', title, status, detail }));

/** Reads a body of at most `max` bytes. */
export async function readRaw(req: IncomingMessage, max = 65_536): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw new ApiRequestError(413, `body over ${max} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON body of at most 64 KiB. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const raw = await readRaw(req);
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiRequestError(400, 'body is not JSON');
  }
}

/** The monitor's HTTP server: page, JSON API, badges, /metrics, /healthz, /readyz. */
export function startHttpServer(m: Monitor, host: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    void handle(m, req, res).catch((e) => {
      if (e instanceof ApiRequestError) return sendProblem(res, e.status, e.status === 404 ? 'Not Found' : e.status === 401 ? 'Unauthorized' : e.status === 413 ? 'Content Too Large' : 'Bad Request', e.message);
      m.logger.error({ err: e, url: req.url }, 'request failed');
      if (!res.headersSent) sendProblem(res, 500, 'Internal Server Error', (e as Error).message);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

async function handle(m: Monitor, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://monitor');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/healthz') return send(res, 200, 'text/plain', 'ok');
  if (req.method === 'GET' && path === '/readyz') return send(res, m.runners.size > 0 || m.targets.length === 0 ? 200 : 503, 'text/plain', 'ready');
  if (req.method === 'GET' && path === '/metrics') return send(res, 200, m.metrics.registry.contentType, await m.metrics.registry.metrics());
  if (pageRoute(m, req, res, url)) return;
  if (await apiRoute(m, req, res, url)) return;
  throw new ApiRequestError(404, `no route ${req.method} ${path}`);
}
