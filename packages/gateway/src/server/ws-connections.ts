import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConnectionLimiter } from '../limits/connection-limiter.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { ChainPool } from '../pools/chain-pool.ts';
import type { PoolRouter } from '../pools/pool-router.ts';
import { callerIdentity, checkApiKey } from './caller-identity.ts';
import { ClientSession } from './client-session.ts';
import { Dispatcher } from './dispatcher.ts';
import { unknownHostError } from './unknown-host.ts';

export interface WsConnectionsOptions {
  router: PoolRouter<ChainPool>;
  metrics: GatewayMetrics;
  logger: Logger;
  limiter: ConnectionLimiter;
  apiKeys: ReadonlySet<string>;
  maxRequestBytes: number;
  maxSubscriptionsPerConnection: number;
  /** A client that stops reading is dropped once this much is queued for it. */
  maxBufferedBytes?: number;
}

/**
 * Accepts WebSocket upgrades (connection limits, API keys), picks the chain's pool by Host header
 * or path prefix, and runs one session per client. A host no pool serves gets a JSON-RPC error
 * naming what the gateway serves for every request.
 */
export class WsConnections {
  readonly #wss: WebSocketServer;
  readonly #log: Logger;

  constructor(private readonly o: WsConnectionsOptions) {
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: o.maxRequestBytes + 1024 * 1024, perMessageDeflate: false });
    this.#log = o.logger.child({ name: 'ws' });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const id = callerIdentity(req);
    const key = checkApiKey(id.apiKey, this.o.apiKeys);
    const refusal = key.refusal ?? this.o.limiter.admit(id.ip);
    if (refusal) {
      this.o.metrics.refused.inc({ reason: key.refusal ? 'api-key' : 'connections' });
      const status = key.refusal ? '401 Unauthorized' : '429 Too Many Requests';
      socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${refusal}\n`);
      return;
    }
    const chain = this.o.router.select(req.headers.host, (req.url ?? '/').split('?')[0]!);
    this.#wss.handleUpgrade(req, socket, head, (ws) => (chain ? this.#run(ws, chain, id.ip, key.key) : this.#refuse(ws, req.headers.host, id.ip)));
  }

  #refuse(ws: WebSocket, host: string | undefined, ip: string): void {
    this.o.metrics.refused.inc({ reason: 'unknown-host' });
    const error = unknownHostError(host, this.o.router.describe());
    ws.on('message', (data) => {
      const text = Dispatcher.refuseAll(String(data), error);
      if (text !== undefined && ws.readyState === ws.OPEN) ws.send(text);
    });
    ws.on('error', () => undefined);
    ws.on('close', () => this.o.limiter.release(ip));
  }

  #run(ws: WebSocket, chain: ChainPool, ip: string, apiKey: string | undefined): void {
    this.o.metrics.connections.inc();
    const maxBuffered = this.o.maxBufferedBytes ?? 64 * 1024 * 1024;
    const send = (text: string) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(text);
      if (ws.bufferedAmount > maxBuffered) {
        this.#log.warn({ ip }, 'client stopped reading; disconnecting');
        ws.terminate();
      }
    };
    const session = new ClientSession({ pool: chain.pool, poolName: chain.name, forwarder: chain.forwarder, metrics: this.o.metrics, logger: this.#log, maxSubscriptions: this.o.maxSubscriptionsPerConnection, send });
    chain.sessions.add(session);
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : String(data);
      void chain.dispatcher.handleMessage(text, { ip, apiKey, session }).then((a) => {
        if (a.text !== undefined) send(a.text);
        for (const id of a.release) session.release(id);
      });
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      this.o.metrics.connections.dec();
      this.o.limiter.release(ip);
      chain.sessions.delete(session);
      void session.close();
    });
  }

  close(): void {
    for (const c of this.#wss.clients) c.terminate();
    this.#wss.close();
  }
}
