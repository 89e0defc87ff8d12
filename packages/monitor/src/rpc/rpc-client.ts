import WebSocket from 'ws';
import { CallTimeoutError, InvalidReplyError, RpcErrorReply, UnreachableError } from '../errors.ts';

interface Pending {
  method: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export type NotificationHandler = (method: string, subscription: string, result: unknown) => void;

/**
 * A minimal JSON-RPC 2.0 client over one WebSocket, strict about what comes back: a frame that is
 * not JSON-RPC fails every call in flight with {@link InvalidReplyError} and closes the socket.
 */
export class RpcClient {
  private ws: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Why the last connection ended (shown as the failure of the next round). */
  lastError: Error | undefined;

  constructor(readonly url: string, private readonly onNotification: NotificationHandler = () => undefined) {}

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket (resolves at once when it is open already). */
  connect(timeoutMs: number): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    this.drop();
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, { handshakeTimeout: timeoutMs, maxPayload: 16 * 1024 * 1024, perMessageDeflate: false });
      this.ws = ws;
      const fail = (e: Error) => {
        clearTimeout(timer);
        ws.removeAllListeners();
        ws.on('error', () => undefined);
        ws.terminate();
        if (this.ws === ws) this.ws = undefined;
        reject(e);
      };
      const timer = setTimeout(() => fail(new UnreachableError(`no WebSocket handshake with ${this.url} within ${timeoutMs} ms`)), timeoutMs);
      ws.once('open', () => {
        clearTimeout(timer);
        ws.removeAllListeners('error');
        ws.on('error', (e) => (this.lastError = new UnreachableError(`connection error: ${e.message}`, { cause: e })));
        ws.on('close', (code) => this.closed(ws, this.lastError ?? new UnreachableError(`connection closed (code ${code})`)));
        ws.on('message', (data) => this.receive(ws, data.toString()));
        this.lastError = undefined;
        resolve();
      });
      ws.once('error', (e) => fail(new UnreachableError(`cannot connect to ${this.url}: ${(e as NodeJS.ErrnoException).code ?? e.message}`, { cause: e })));
    });
  }

  /** One call; rejects with a named error on timeout, error answer, or a broken connection. */
  call<T = unknown>(method: string, params: unknown[], timeoutMs: number): Promise<T> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(this.lastError ?? new UnreachableError('not connected'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CallTimeoutError(method, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  close(): void {
    this.drop();
  }

  private drop(): void {
    const ws = this.ws;
    this.ws = undefined;
    if (ws) {
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
    }
    this.failAll(new UnreachableError('connection closed by the monitor'));
  }

  private closed(ws: WebSocket, err: Error): void {
    if (this.ws !== ws) return;
    this.ws = undefined;
    this.lastError = err;
    this.failAll(err);
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(err);
    }
  }

  private receive(ws: WebSocket, text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return this.garbage(ws, `not JSON: ${preview(text)}`);
    }
    for (const m of Array.isArray(msg) ? msg : [msg]) {
      if (typeof m !== 'object' || m === null || (m as { jsonrpc?: unknown }).jsonrpc !== '2.0') return this.garbage(ws, `not a JSON-RPC 2.0 message: ${preview(text)}`);
      const r = m as { id?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown }; method?: unknown; params?: { subscription?: unknown; result?: unknown } };
      if (typeof r.method === 'string' && r.params && typeof r.params === 'object') {
        this.onNotification(r.method, String(r.params.subscription), r.params.result);
        continue;
      }
      if (typeof r.id !== 'number') {
        if (r.id === null && r.error) return this.garbage(ws, `error without id: ${preview(text)}`);
        return this.garbage(ws, `reply without a numeric id: ${preview(text)}`);
      }
      const p = this.pending.get(r.id);
      if (!p) continue; // a late answer to a call that timed out
      this.pending.delete(r.id);
      clearTimeout(p.timer);
      if (r.error !== undefined) p.reject(new RpcErrorReply(p.method, Number(r.error?.code), String(r.error?.message)));
      else if (!('result' in r)) p.reject(new InvalidReplyError(`${p.method}: reply has neither result nor error`));
      else p.resolve(r.result);
    }
  }

  private garbage(ws: WebSocket, why: string): void {
    const err = new InvalidReplyError(`invalid reply from ${this.url}: ${why}`);
    this.lastError = err;
    this.closed(ws, err);
    ws.removeAllListeners();
    ws.on('error', () => undefined);
    ws.terminate();
  }
}

const preview = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
