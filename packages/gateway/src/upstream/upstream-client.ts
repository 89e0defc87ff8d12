import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { Logger } from 'pino';
import { UpstreamClosedError, UpstreamTimeoutError } from '../errors.ts';
import { scanReply, UpstreamReply } from '../jsonrpc/upstream-reply.ts';
import type { JsonRpcErrorObject, JsonRpcNotification } from '../jsonrpc/types.ts';
import { Backoff } from './backoff.ts';
import { Ewma } from './ewma.ts';
import { NotificationBuffer } from './notification-buffer.ts';
import { RecentSet } from '../subscriptions/recent-set.ts';

export interface UpstreamClientOptions {
  url: string;
  name: string;
  logger: Logger;
  requestTimeoutMs: number;
  backoff: { initialMs: number; maxMs: number };
  ewmaAlpha?: number;
  /** Largest message accepted from the upstream (bytes). */
  maxMessageBytes?: number;
}

export type NotificationHandler = (n: JsonRpcNotification) => void;

interface Pending {
  resolve: (r: UpstreamReply) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One WebSocket JSON-RPC connection to a node, reconnecting with backoff. Emits `open` and
 * `close` (after every pending request was rejected with {@link UpstreamClosedError}).
 */
export class UpstreamClient extends EventEmitter<{ open: []; close: [] }> {
  readonly url: string;
  readonly name: string;
  readonly latency: Ewma;
  #ws: WebSocket | undefined;
  #nextId = 1;
  #outstanding = 0;
  #stopped = false;
  #reconnectTimer: NodeJS.Timeout | undefined;
  readonly #pending = new Map<number, Pending>();
  readonly #handlers = new Map<string, NotificationHandler>();
  readonly #buffer = new NotificationBuffer();
  readonly #dropped = new RecentSet(4096);
  readonly #backoff: Backoff;
  readonly #log: Logger;

  constructor(private readonly opts: UpstreamClientOptions) {
    super();
    this.url = opts.url;
    this.name = opts.name;
    this.latency = new Ewma(opts.ewmaAlpha ?? 0.2, 0.001);
    this.#backoff = new Backoff(opts.backoff);
    this.#log = opts.logger.child({ upstream: opts.name });
  }

  get isOpen(): boolean {
    return this.#ws?.readyState === WebSocket.OPEN;
  }

  /** Requests sent and not answered yet. */
  get outstanding(): number {
    return this.#outstanding;
  }

  connect(): void {
    if (this.#stopped) return;
    const ws = new WebSocket(this.url, { maxPayload: this.opts.maxMessageBytes ?? 64 * 1024 * 1024, perMessageDeflate: false });
    this.#ws = ws;
    ws.on('open', () => {
      this.#backoff.reset();
      this.#log.info('upstream connected');
      this.emit('open');
    });
    ws.on('message', (data) => this.#onMessage(String(data)));
    ws.on('error', (err) => this.#log.debug({ err: err.message }, 'upstream socket error'));
    ws.on('close', () => this.#onClose(ws));
  }

  /** Sends one request; resolves with the upstream's reply (which may be a JSON-RPC error). */
  request(method: string, params: unknown = []): Promise<UpstreamReply> {
    const ws = this.#ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new UpstreamClosedError(this.name));
    const id = this.#nextId++;
    const started = performance.now();
    this.#outstanding++;
    return new Promise<UpstreamReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.#pending.delete(id)) return;
        this.#outstanding--;
        reject(new UpstreamTimeoutError(this.name, this.opts.requestTimeoutMs));
      }, this.opts.requestTimeoutMs);
      this.#pending.set(id, {
        resolve: (r) => {
          this.latency.add((performance.now() - started) / 1000);
          resolve(r);
        },
        reject,
        timer,
      });
      ws.send(`{"jsonrpc":"2.0","id":${id},"method":${JSON.stringify(method)},"params":${JSON.stringify(params)}}`);
    });
  }

  /** `request`, then the result, throwing the JSON-RPC error as {@link UpstreamRpcError}. */
  async call<T = unknown>(method: string, params: unknown = []): Promise<T> {
    const reply = await this.request(method, params);
    if (reply.isError) throw new UpstreamRpcError(reply.error!);
    return reply.result as T;
  }

  /** Subscriptions held on this connection. */
  get subscriptions(): number {
    return this.#handlers.size;
  }

  /** Routes notifications of upstream subscription `subId` to `handler` (held ones first). */
  onNotification(subId: string, handler: NotificationHandler): void {
    this.#handlers.set(subId, handler);
    for (const n of this.#buffer.take(subId)) handler(n as JsonRpcNotification);
  }

  /** Stops routing `subId`; its late notifications are dropped (not held). */
  offNotification(subId: string): void {
    this.#handlers.delete(subId);
    this.#buffer.take(subId);
    this.#dropped.add(subId);
  }

  /** Drops the connection now (it reconnects unless stopped). For tests and shutdown. */
  drop(): void {
    this.#ws?.terminate();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#reconnectTimer);
    this.#ws?.terminate();
  }

  #onMessage(text: string): void {
    const fast = scanReply(text);
    if (fast) return this.#settle(fast.id, fast.reply);
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return this.#log.warn({ size: text.length }, 'upstream sent a frame that is not JSON');
    }
    for (const m of Array.isArray(msg) ? msg : [msg]) {
      if (!m || typeof m !== 'object') continue;
      const o = m as { id?: unknown; method?: string; params?: { subscription?: unknown }; result?: unknown; error?: JsonRpcErrorObject };
      if (typeof o.method === 'string' && o.params && o.params.subscription !== undefined) {
        const subId = String(o.params.subscription);
        // After the replies read so far have reached the client (their path is microtasks only):
        // a client must see `started` before the operation's events, as the node sent them.
        setImmediate(() => {
          const h = this.#handlers.get(subId);
          if (h) h(o as JsonRpcNotification);
          else if (!this.#dropped.has(subId)) this.#buffer.hold(subId, o);
        });
      } else if (typeof o.id === 'number') {
        this.#settle(o.id, UpstreamReply.fromObject(o.error !== undefined ? { error: o.error } : { result: o.result }));
      }
    }
  }

  #settle(id: number, reply: UpstreamReply): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    this.#outstanding--;
    clearTimeout(p.timer);
    p.resolve(reply);
  }

  #onClose(ws: WebSocket): void {
    if (this.#ws !== ws) return;
    const wasOpen = this.#pending.size > 0 || this.#handlers.size > 0;
    for (const [id, p] of this.#pending) {
      clearTimeout(p.timer);
      this.#pending.delete(id);
      p.reject(new UpstreamClosedError(this.name));
    }
    this.#outstanding = 0;
    this.#handlers.clear();
    this.#buffer.clear();
    this.#log[wasOpen ? 'warn' : 'debug']('upstream connection closed');
    this.emit('close');
    if (this.#stopped) return;
    const delay = this.#backoff.next();
    this.#reconnectTimer = setTimeout(() => this.connect(), delay);
  }
}

/** A JSON-RPC error answered by an upstream, as an exception (health probes, gap filling). */
export class UpstreamRpcError extends Error {
  static readonly code = 'GATEWAY_UPSTREAM_RPC_ERROR';
  readonly code = UpstreamRpcError.code;
  constructor(readonly rpc: JsonRpcErrorObject) {
    super(`${rpc.code}: ${rpc.message}`);
    this.name = 'UpstreamRpcError';
  }
}
