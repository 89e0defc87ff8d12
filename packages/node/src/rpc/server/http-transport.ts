import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { corsHeaders } from './cors.ts';
import type { Dispatcher } from './dispatch.ts';
import { encodeError } from './encode.ts';
import { errorObject, exceededLimit, OVERSIZED_REQUEST_CODE, OVERSIZED_REQUEST_MSG } from './errors.ts';
import type { ConnectionGuard } from './limits.ts';
import { Session } from './session.ts';
import type { RpcCors, RpcHealth, RpcServerLimits } from './types.ts';

export interface HttpTransportOptions {
  dispatcher: Dispatcher;
  limits: RpcServerLimits;
  cors: RpcCors;
  logger: Logger;
  guard: ConnectionGuard;
  health?: (() => RpcHealth | Promise<RpcHealth>) | undefined;
  nextConnectionId(): number;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain';
const JSON_CONTENT_TYPES = new Set([
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=utf-8',
  'application/json-rpc',
  'application/json-rpc;charset=utf-8',
  'application/json-rpc; charset=utf-8',
]);

/** Same content types jsonrpsee accepts for a JSON-RPC POST. */
export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && JSON_CONTENT_TYPES.has(value.toLowerCase());
}

function reply(res: ServerResponse, status: number, type: string, body: string, extra: OutgoingHttpHeaders = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

/** Read the body, or undefined once it exceeds `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks, size));
      done = true;
    });
    req.on('error', (err) => {
      if (!done) reject(err);
      done = true;
    });
  });
}

/** JSON-RPC over HTTP POST (jsonrpsee semantics), GET /health[/readiness], CORS. */
export function createHttpHandler(o: HttpTransportOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const tooLarge = (res: ServerResponse, cors: OutgoingHttpHeaders): void => {
    const body = encodeError(
      null,
      errorObject(OVERSIZED_REQUEST_CODE, OVERSIZED_REQUEST_MSG, exceededLimit(o.limits.maxRequestBytes)),
    );
    reply(res, 413, JSON_TYPE, body, { ...cors, connection: 'close' });
  };

  const serveHealth = async (path: string, res: ServerResponse, cors: OutgoingHttpHeaders): Promise<void> => {
    if (o.health === undefined) return reply(res, 404, TEXT_TYPE, 'Not found\n', cors);
    const h = await o.health();
    const health: RpcHealth = { isSyncing: h.isSyncing, peers: h.peers, shouldHavePeers: h.shouldHavePeers };
    if (path === '/health') return reply(res, 200, JSON_TYPE, JSON.stringify(health), cors);
    const ready = !health.isSyncing && (health.peers > 0 || !health.shouldHavePeers);
    return reply(res, ready ? 200 : 500, TEXT_TYPE, '', cors);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const cors = corsHeaders(o.cors, req);
    const method = req.method ?? '';
    const path = (req.url ?? '/').split('?')[0] ?? '/';

    if (method === 'OPTIONS') {
      return reply(res, 200, TEXT_TYPE, '', { ...cors, 'access-control-max-age': '86400' });
    }
    if (method === 'GET' && (path === '/health' || path === '/health/readiness')) {
      return serveHealth(path, res, cors);
    }
    if (method !== 'POST') {
      return reply(res, 405, TEXT_TYPE, 'Used HTTP Method is not allowed. POST is required\n', cors);
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      return reply(
        res,
        415,
        TEXT_TYPE,
        'Supplied content type is not allowed. Content-Type: application/json is required\n',
        cors,
      );
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > o.limits.maxRequestBytes) return tooLarge(res, cors);
    if (!o.guard.tryAcquire()) {
      return reply(res, 429, TEXT_TYPE, 'Too many connections. Please try again later.', cors);
    }
    const session = new Session({
      id: o.nextConnectionId(),
      transport: 'http',
      logger: o.logger,
      maxSubscriptions: o.limits.maxSubscriptionsPerConnection,
      maxResponseBytes: o.limits.maxResponseBytes,
    });
    try {
      const body = await readBody(req, o.limits.maxRequestBytes);
      if (body === undefined) return tooLarge(res, cors);
      const result = await o.dispatcher.handleMessage(body.toString('utf8'), session);
      reply(res, 200, JSON_TYPE, result.text ?? '', cors);
      result.sent();
    } finally {
      session.close();
      o.guard.release();
    }
  };

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      o.logger.warn({ err }, 'rpc: http request failed');
      if (!res.headersSent) reply(res, 500, JSON_TYPE, encodeError(null, errorObject(-32603, 'Internal error')));
      else res.destroy();
    });
  };
}
