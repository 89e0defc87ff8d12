import type { Logger } from 'pino';
import { encodeError, encodeResult, isTooBig, limitResponse } from './encode.ts';
import {
  errorObject,
  exceededLimit,
  INTERNAL_ERROR_CODE,
  INTERNAL_ERROR_MSG,
  INVALID_PARAMS_CODE,
  INVALID_PARAMS_MSG,
  INVALID_REQUEST_CODE,
  INVALID_REQUEST_MSG,
  METHOD_NOT_FOUND_CODE,
  METHOD_NOT_FOUND_MSG,
  PARSE_ERROR_CODE,
  PARSE_ERROR_MSG,
  RpcError,
  toErrorObject,
  TOO_BIG_BATCH_REQUEST_CODE,
  TOO_BIG_BATCH_REQUEST_MSG,
  TOO_BIG_BATCH_RESPONSE_CODE,
  TOO_BIG_BATCH_RESPONSE_MSG,
  TOO_MANY_SUBSCRIPTIONS_CODE,
  TOO_MANY_SUBSCRIPTIONS_MSG,
} from './errors.ts';
import { parseFrame, type FrameEntry, type RpcId } from './frame.ts';
import { resolveMethod } from './rpc-methods.ts';
import type { ActiveSubscription, Session } from './session.ts';
import type { RpcMetricsHooks, RpcMethodTable, RpcServerLimits } from './types.ts';

export interface DispatcherOptions {
  methods: RpcMethodTable;
  logger: Logger;
  metrics?: RpcMetricsHooks | undefined;
  limits: RpcServerLimits;
}

/** What to write back for one message; call `sent()` right after writing it (or when there was nothing). */
export interface DispatchResult {
  text: string | undefined;
  sent(): void;
}

/** Collects the subscriptions created while answering one message. */
class PendingSubscriptions {
  readonly list: ActiveSubscription[] = [];
  ready(): void {
    for (const sub of this.list) sub.markReady();
  }
  discard(): void {
    for (const sub of this.list) sub.abort();
  }
}

/** Transport-independent JSON-RPC 2.0 processing of one WS message or HTTP body. */
export class Dispatcher {
  constructor(private readonly options: DispatcherOptions) {}

  async handleMessage(text: string, session: Session): Promise<DispatchResult> {
    const pending = new PendingSubscriptions();
    let out: string | undefined;
    try {
      out = await this.handleText(text, session, pending);
    } catch (err) {
      this.options.logger.error({ err }, 'rpc: unexpected dispatch failure');
      pending.discard();
      out = encodeError(null, errorObject(INTERNAL_ERROR_CODE, INTERNAL_ERROR_MSG));
    }
    return { text: out, sent: () => pending.ready() };
  }

  private async handleText(text: string, session: Session, pending: PendingSubscriptions): Promise<string | undefined> {
    const frame = parseFrame(text);
    if (frame.kind === 'parse-error') return encodeError(null, errorObject(PARSE_ERROR_CODE, PARSE_ERROR_MSG));
    if (frame.kind === 'single') return this.handleEntry(frame.entry, session, pending);

    const { entries } = frame;
    if (entries.length === 0) return encodeError(null, errorObject(INVALID_REQUEST_CODE, INVALID_REQUEST_MSG));
    const maxLen = this.options.limits.maxBatchLength;
    if (maxLen !== undefined && entries.length > maxLen) {
      return encodeError(null, errorObject(TOO_BIG_BATCH_REQUEST_CODE, TOO_BIG_BATCH_REQUEST_MSG, exceededLimit(maxLen)));
    }
    const parts = (await Promise.all(entries.map((e) => this.handleEntry(e, session, pending)))).filter(
      (p): p is string => p !== undefined,
    );
    if (parts.length === 0) return undefined;
    const body = `[${parts.join(',')}]`;
    const max = this.options.limits.maxResponseBytes;
    if (!isTooBig(body, max)) return body;
    pending.discard();
    return encodeError(null, errorObject(TOO_BIG_BATCH_RESPONSE_CODE, TOO_BIG_BATCH_RESPONSE_MSG, exceededLimit(max)));
  }

  private async handleEntry(entry: FrameEntry, session: Session, pending: PendingSubscriptions): Promise<string | undefined> {
    switch (entry.kind) {
      case 'invalid': {
        const message = entry.code === INVALID_PARAMS_CODE ? INVALID_PARAMS_MSG : INVALID_REQUEST_MSG;
        return encodeError(entry.id, errorObject(entry.code, message));
      }
      case 'notification':
        this.runNotification(entry.method, entry.params, session);
        return undefined;
      case 'call':
        return this.timedCall(entry.id, entry.method, entry.params, session, pending);
    }
  }

  /** JSON-RPC notifications run plain methods and never answer; subscriptions need an id, so they are ignored. */
  private runNotification(method: string, params: unknown[] | null, session: Session): void {
    const resolved = resolveMethod(this.options.methods, method);
    if (params === null || resolved?.kind !== 'method') return;
    void (async () => resolved.fn(params, session.ctx))().catch((err: unknown) => {
      // A deliberate RPC error is the caller's problem; anything else is a bug in the node.
      if (err instanceof RpcError) this.options.logger.debug({ err, method }, 'rpc: notification failed');
      else this.options.logger.warn({ err, method }, 'rpc: unexpected error in a notification');
    });
  }

  private async timedCall(
    id: RpcId,
    method: string,
    params: unknown[],
    session: Session,
    pending: PendingSubscriptions,
  ): Promise<string> {
    const hooks = this.options.metrics;
    safeHook(() => hooks?.onCallStarted?.(method));
    const started = performance.now();
    let isError = true;
    let text: string;
    try {
      const result = await this.call(method, params, session, pending);
      text = limitResponse(id, encodeResult(id, result), this.options.limits.maxResponseBytes);
      isError = false;
    } catch (err) {
      // Anything but a deliberate RpcError is a bug in the node: answered as -32603, logged at warn.
      if (!(err instanceof RpcError)) this.options.logger.warn({ err, method }, 'rpc: unexpected error in a call');
      text = encodeError(id, toErrorObject(err));
    }
    const seconds = (performance.now() - started) / 1000;
    safeHook(() => hooks?.onCallFinished?.(method, seconds, isError));
    return text;
  }

  /** Resolves with the result or throws (RpcError or anything -> Internal error). */
  private async call(method: string, params: unknown[], session: Session, pending: PendingSubscriptions): Promise<unknown> {
    const resolved = resolveMethod(this.options.methods, method);
    if (resolved === undefined) throw new RpcError(METHOD_NOT_FOUND_CODE, METHOD_NOT_FOUND_MSG);
    if (resolved.kind === 'method') return resolved.fn(params, session.ctx);
    // jsonrpsee answers subscribe/unsubscribe over HTTP with a plain "Internal error".
    if (!session.supportsSubscriptions) throw new RpcError(INTERNAL_ERROR_CODE, INTERNAL_ERROR_MSG);
    if (resolved.kind === 'unsubscribe') return session.unsubscribe(params[0], method);

    const sub = session.openSubscription(resolved.def);
    if (sub === undefined) {
      const max = session.options.maxSubscriptions;
      throw new RpcError(TOO_MANY_SUBSCRIPTIONS_CODE, TOO_MANY_SUBSCRIPTIONS_MSG, exceededLimit(max));
    }
    try {
      sub.setCleanup(await resolved.def.start(params, sub, session.ctx));
    } catch (err) {
      sub.abort();
      throw err;
    }
    pending.list.push(sub);
    return sub.id;
  }
}

function safeHook(fn: () => void): void {
  try {
    fn();
  } catch {
    // metrics must never break the RPC server
  }
}
