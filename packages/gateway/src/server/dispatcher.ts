import type { Logger } from 'pino';
import { GatewayError, LimitExceededError, MethodNotAllowedError } from '../errors.ts';
import { encodeError, encodeResult } from '../jsonrpc/encode.ts';
import { INVALID_REQUEST, METHOD_NOT_FOUND, PARSE_ERROR, type JsonRpcId } from '../jsonrpc/types.ts';
import { HOME_METHODS, isChainHeadOperation } from '../methods/method-kinds.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import type { RateLimiter } from '../limits/rate-limiter.ts';
import { SUBSCRIPTIONS, UNSUBSCRIBE_METHODS } from '../subscriptions/subscription-kinds.ts';
import { UpstreamRpcError } from '../upstream/upstream-client.ts';
import type { AccessLog } from '../observability/access-log.ts';
import type { ClientSession } from './client-session.ts';
import type { HeadFloor } from './head-floor.ts';
import type { Forwarder, Routed } from './forwarder.ts';

/** Who sent a message. */
export interface Caller {
  ip: string;
  apiKey: string | undefined;
  /** WebSocket clients have one; HTTP callers do not (no subscriptions). */
  session: ClientSession | undefined;
  /** The highest block this caller was served (answers never go below it). */
  floor?: HeadFloor | undefined;
}

/** The answer to one message, and the subscriptions whose notifications may flow once it is sent. */
export interface Answer {
  text: string | undefined;
  release: string[];
}

export interface DispatcherOptions {
  allow: ReadonlySet<string>;
  forwarder: Forwarder;
  rateLimiter: RateLimiter;
  metrics: GatewayMetrics;
  logger: Logger;
  access: AccessLog;
  poolName: string;
  maxRequestBytes: number;
  maxBatch: number;
}

interface Outcome {
  text: string;
  via: string;
  ok: boolean;
  code?: number;
  release?: string;
}

/** Validates, limits and routes JSON-RPC messages (single or batch); logs and measures every call. */
export class Dispatcher {
  constructor(private readonly o: DispatcherOptions) {}

  /** Answers every request of a message with `error` (a host no pool serves). */
  static refuseAll(text: string, error: { code: number; message: string }): string | undefined {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return encodeError(null, { code: PARSE_ERROR, message: 'Parse error' });
    }
    const idOf = (m: unknown): JsonRpcId => (m && typeof m === 'object' && 'id' in m && isId((m as { id: unknown }).id) ? (m as { id: JsonRpcId }).id : null);
    if (!Array.isArray(msg)) return encodeError(idOf(msg), error);
    return msg.length ? `[${msg.map((m) => encodeError(idOf(m), error)).join(',')}]` : encodeError(null, error);
  }

  async handleMessage(text: string, caller: Caller): Promise<Answer> {
    if (Buffer.byteLength(text) > this.o.maxRequestBytes) {
      this.o.metrics.refused.inc({ reason: 'request-size' });
      return { text: encodeError(null, { code: -32005, message: `request of ${Buffer.byteLength(text)} bytes exceeds the gateway's limit of ${this.o.maxRequestBytes} bytes (limits.maxRequestBytes)` }), release: [] };
    }
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return { text: encodeError(null, { code: PARSE_ERROR, message: 'Parse error' }), release: [] };
    }
    if (!Array.isArray(msg)) {
      const a = await this.#handle(msg, caller, text.length);
      return { text: a?.text, release: a?.release ? [a.release] : [] };
    }
    if (msg.length === 0) return { text: encodeError(null, { code: INVALID_REQUEST, message: 'Invalid request: empty batch' }), release: [] };
    if (msg.length > this.o.maxBatch) {
      this.o.metrics.refused.inc({ reason: 'batch-size' });
      return { text: encodeError(null, { code: -32005, message: `batch of ${msg.length} requests exceeds the gateway's limit of ${this.o.maxBatch} (limits.maxBatch)` }), release: [] };
    }
    const each = Math.ceil(text.length / msg.length);
    const outs = await Promise.all(msg.map((m) => this.#handle(m, caller, each)));
    const texts = outs.filter((o): o is Outcome => o !== undefined);
    return { text: texts.length ? `[${texts.map((o) => o.text).join(',')}]` : undefined, release: texts.flatMap((o) => (o.release ? [o.release] : [])) };
  }

  async #handle(req: unknown, caller: Caller, size: number): Promise<Outcome | undefined> {
    const started = performance.now();
    if (!isRequest(req)) {
      const id = req && typeof req === 'object' && 'id' in req && isId((req as { id: unknown }).id) ? ((req as { id: JsonRpcId }).id) : null;
      return { text: encodeError(id, { code: INVALID_REQUEST, message: 'Invalid request' }), via: 'gateway', ok: false, code: INVALID_REQUEST };
    }
    const { method } = req;
    const id = req.id ?? null;
    const params = req.params ?? [];
    let out: Outcome;
    try {
      out = await this.#route(method, params, id, caller);
    } catch (e) {
      out = this.#failure(id, e);
    }
    const seconds = (performance.now() - started) / 1000;
    const label = this.o.allow.has(method) ? method : 'other';
    const m = this.o.metrics;
    const pool = this.o.poolName;
    m.requests.inc({ method: label, pool });
    m.requestDuration.observe({ method: label, upstream: out.via, pool }, seconds);
    m.requestBytes.inc({ method: label, pool }, size);
    m.responseBytes.inc({ method: label, pool }, out.text.length);
    m.callerRequests.inc({ key: caller.apiKey ?? '-', pool });
    if (!out.ok) m.errors.inc({ method: label, code: String(out.code), pool });
    this.o.access.record({ pool, ip: caller.ip, key: caller.apiKey, method: method.length > 100 ? method.slice(0, 100) : method, id, upstream: out.via, latencyMs: Math.round(seconds * 1e6) / 1000, reqBytes: size, resBytes: out.text.length, status: out.ok ? 'ok' : (out.code ?? -32603) });
    return req.id === undefined ? undefined : out;
  }

  async #route(method: string, params: unknown[] | Record<string, unknown>, id: JsonRpcId, caller: Caller): Promise<Outcome> {
    if (!this.o.allow.has(method)) {
      this.o.metrics.refused.inc({ reason: 'allow-list' });
      throw new MethodNotAllowedError(method);
    }
    try {
      this.o.rateLimiter.check(caller.ip, caller.apiKey);
    } catch (e) {
      this.o.metrics.refused.inc({ reason: 'rate-limit' });
      throw e;
    }
    const session = caller.session;
    if (SUBSCRIPTIONS[method]) {
      if (!session) return this.#error(id, METHOD_NOT_FOUND, `${method} is a subscription: connect with a WebSocket to use it`);
      const { id: subId, via } = await session.subscribe(method, Array.isArray(params) ? params : []);
      return { text: encodeResult(id, subId), via, ok: true, release: subId };
    }
    if (UNSUBSCRIBE_METHODS.has(method)) return { text: encodeResult(id, session ? await session.unsubscribe(params) : false), via: 'gateway', ok: true };
    if (method === 'rpc_methods') return this.#rpcMethods(id);
    let routed: Routed;
    if (session && (isChainHeadOperation(method) || method === 'transaction_v1_stop')) routed = await session.pinnedCall(method, params);
    else if (session && method === 'transaction_v1_broadcast') routed = await session.broadcast(params);
    else if (session && HOME_METHODS.has(method)) routed = await session.homeCall(method, params);
    else routed = await this.o.forwarder.forward(method, params, undefined, undefined, caller.floor ?? session?.floor);
    const err = routed.reply.error;
    return { text: routed.reply.forClient(id), via: routed.via, ok: !err, code: err?.code };
  }

  /** The upstream's list, narrowed to what this gateway allows. */
  async #rpcMethods(id: JsonRpcId): Promise<Outcome> {
    const routed = await this.o.forwarder.forward('rpc_methods', []);
    if (routed.reply.isError) return { text: routed.reply.forClient(id), via: routed.via, ok: false, code: routed.reply.error!.code };
    const r = routed.reply.result as { version?: number; methods?: string[] };
    return { text: encodeResult(id, { ...r, methods: (r.methods ?? []).filter((m) => this.o.allow.has(m)) }), via: routed.via, ok: true };
  }

  #error(id: JsonRpcId, code: number, message: string): Outcome {
    return { text: encodeError(id, { code, message }), via: 'gateway', ok: false, code };
  }

  #failure(id: JsonRpcId, e: unknown): Outcome {
    if (e instanceof UpstreamRpcError) return { text: encodeError(id, e.rpc), via: 'upstream', ok: false, code: e.rpc.code };
    if (e instanceof MethodNotAllowedError || e instanceof LimitExceededError) return this.#error(id, e.rpcCode, e.message);
    if (e instanceof GatewayError) return this.#error(id, e.rpcCode, e.message);
    this.o.logger.error({ err: e }, 'unexpected error handling a request');
    return this.#error(id, -32603, `Internal error: ${(e as Error).message}`);
  }
}

const isId = (v: unknown): v is JsonRpcId => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function isRequest(v: unknown): v is { jsonrpc: '2.0'; method: string; id?: JsonRpcId; params?: unknown[] | Record<string, unknown> } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  if (r.jsonrpc !== '2.0' || typeof r.method !== 'string') return false;
  if ('id' in r && !isId(r.id)) return false;
  return r.params === undefined || Array.isArray(r.params) || (typeof r.params === 'object' && r.params !== null);
}
