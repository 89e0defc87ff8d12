import WebSocket from 'ws';
import { EventEmitter } from 'node:events';

export class RemoteRpcError extends Error {
  static readonly errorName = 'RemoteRpcError';
  override readonly name = 'RemoteRpcError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** A minimal JSON-RPC client over one WebSocket, for talking to peer nodes. */
export class PeerRpcClient extends EventEmitter<{ close: []; notification: [string, string, unknown] }> {
  #id = 0;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(readonly ws: WebSocket) {
    super();
    ws.on('message', (data) => this.#onMessage(String(data)));
    ws.on('close', () => {
      for (const p of this.#pending.values()) p.reject(new Error('connection closed'));
      this.#pending.clear();
      this.emit('close');
    });
    ws.on('error', () => undefined);
  }

  static connect(url: string, timeoutMs = 5000): Promise<PeerRpcClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { handshakeTimeout: timeoutMs });
      ws.once('open', () => resolve(new PeerRpcClient(ws)));
      ws.once('error', reject);
    });
  }

  #onMessage(text: string): void {
    let msg: { id?: number; result?: unknown; error?: { code: number; message: string; data?: unknown }; method?: string; params?: { subscription: string; result: unknown } };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (msg.id !== undefined) {
      const p = this.#pending.get(msg.id);
      if (!p) return;
      this.#pending.delete(msg.id);
      if (msg.error) p.reject(new RemoteRpcError(msg.error.code, msg.error.message, msg.error.data));
      else p.resolve(msg.result);
    } else if (msg.method && msg.params) {
      this.emit('notification', msg.method, msg.params.subscription, msg.params.result);
    }
  }

  call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const id = ++this.#id;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  close(): void {
    this.ws.close();
  }
}
