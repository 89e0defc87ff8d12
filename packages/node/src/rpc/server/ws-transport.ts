import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isOriginAllowed } from './cors.ts';
import type { Dispatcher } from './dispatch.ts';
import { encodeError } from './encode.ts';
import { errorObject, exceededLimit, OVERSIZED_REQUEST_CODE, OVERSIZED_REQUEST_MSG } from './errors.ts';
import { wsHardMax, type ConnectionGuard } from './limits.ts';
import { Session } from './session.ts';

/** Bytes a non-reading client may have waiting before it is disconnected. */
export const DEFAULT_MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
import type { RpcCors, RpcMetricsHooks, RpcServerLimits } from './types.ts';

export interface WsTransportOptions {
  dispatcher: Dispatcher;
  limits: RpcServerLimits;
  cors: RpcCors;
  logger: Logger;
  guard: ConnectionGuard;
  metrics?: RpcMetricsHooks | undefined;
  nextConnectionId(): number;
}

export interface WsTransport {
  /** Close every socket (1001) and run every subscription cleanup; resolves once all sockets are gone. */
  close(): Promise<void>;
}

function rejectUpgrade(socket: Duplex, status: number, reason: string, body: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: text/plain\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function rawByteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data.byteLength;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** JSON-RPC over WebSocket on the same HTTP server/port (any path), as jsonrpsee serves it. */
export function attachWebSocket(server: Server, o: WsTransportOptions): WsTransport {
  const wss = new WebSocketServer({ noServer: true, maxPayload: wsHardMax(o.limits), perMessageDeflate: false });
  const sessions = new Map<WebSocket, Session>();
  let closing = false;

  const safe = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // metrics hooks must not break the transport
    }
  };

  const maxBuffered = o.limits.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;

  const onConnection = (ws: WebSocket): void => {
    if (closing || !o.guard.tryAcquire()) {
      ws.close(1013, 'Too many connections');
      return;
    }
    const session = new Session({
      id: o.nextConnectionId(),
      transport: 'ws',
      send: (text) => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > maxBuffered) {
          o.logger.warn({ connectionId: session.ctx.connectionId, buffered: ws.bufferedAmount }, 'rpc: client too slow, closing its connection');
          ws.close(1008, 'Too slow: send buffer full');
          // Stop writing now: close() waits for the buffered frames to drain.
          ws.terminate();
          return;
        }
        ws.send(text);
      },
      logger: o.logger,
      maxSubscriptions: o.limits.maxSubscriptionsPerConnection,
      maxResponseBytes: o.limits.maxResponseBytes,
    });
    sessions.set(ws, session);
    safe(() => o.metrics?.onSessionOpened?.('ws'));
    o.logger.debug({ connectionId: session.ctx.connectionId }, 'rpc: ws connection opened');

    ws.on('message', (data: RawData) => {
      if (rawByteLength(data) > o.limits.maxRequestBytes) {
        const err = errorObject(OVERSIZED_REQUEST_CODE, OVERSIZED_REQUEST_MSG, exceededLimit(o.limits.maxRequestBytes));
        session.send(encodeError(null, err));
        return;
      }
      void o.dispatcher.handleMessage(rawToString(data), session).then((result) => {
        if (result.text !== undefined) session.send(result.text);
        result.sent();
      });
    });
    ws.on('error', (err) => o.logger.debug({ err, connectionId: session.ctx.connectionId }, 'rpc: ws error'));
    ws.on('close', () => {
      sessions.delete(ws);
      session.close();
      o.guard.release();
      safe(() => o.metrics?.onSessionClosed?.('ws'));
      o.logger.debug({ connectionId: session.ctx.connectionId }, 'rpc: ws connection closed');
    });
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (err) => o.logger.debug({ err }, 'rpc: upgrade socket error'));
    if (closing) return rejectUpgrade(socket, 503, 'Service Unavailable', 'Server is shutting down\n');
    if (!isOriginAllowed(o.cors, req.headers.origin)) {
      return rejectUpgrade(socket, 403, 'Forbidden', 'Origin of the request is not allowed\n');
    }
    if (o.guard.count >= o.guard.max) {
      return rejectUpgrade(socket, 429, 'Too Many Requests', 'Too many connections. Please try again later.');
    }
    wss.handleUpgrade(req, socket, head, onConnection);
  };
  server.on('upgrade', onUpgrade);

  return {
    async close(): Promise<void> {
      closing = true;
      server.off('upgrade', onUpgrade);
      const sockets = [...sessions.keys()];
      for (const [ws, session] of sessions) {
        session.close();
        ws.close(1001, 'Server shutting down');
      }
      await Promise.all(
        sockets.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === ws.CLOSED) return resolve();
              const timer = setTimeout(() => ws.terminate(), 1000);
              ws.once('close', () => {
                clearTimeout(timer);
                resolve();
              });
            }),
        ),
      );
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
