import WebSocket from 'ws';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** A minimal JSON-RPC 2.0 client over one WebSocket, with batches. */
export class WsRpc {
  readonly #pending = new Map<number, Pending>();
  #id = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as unknown;
      for (const m of Array.isArray(msg) ? msg : [msg]) this.#settle(m as { id?: number; result?: unknown; error?: { message: string } });
    });
    ws.on('close', () => {
      for (const p of this.#pending.values()) p.reject(new Error('connection closed'));
      this.#pending.clear();
    });
  }

  static connect(url: string): Promise<WsRpc> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { maxPayload: 64 * 1024 * 1024 });
      ws.once('open', () => resolve(new WsRpc(ws)));
      ws.once('error', reject);
    });
  }

  #settle(m: { id?: number; result?: unknown; error?: { message: string } }): void {
    if (typeof m.id !== 'number') return;
    const p = this.#pending.get(m.id);
    if (!p) return;
    this.#pending.delete(m.id);
    if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error));
    else p.resolve(m.result);
  }

  #request(method: string, params: unknown[]): { frame: object; done: Promise<unknown> } {
    const id = ++this.#id;
    const done = new Promise<unknown>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    return { frame: { jsonrpc: '2.0', id, method, params }, done };
  }

  call<T>(method: string, params: unknown[] = []): Promise<T> {
    const { frame, done } = this.#request(method, params);
    this.ws.send(JSON.stringify(frame));
    return done as Promise<T>;
  }

  /** Sends calls as one JSON-RPC batch; each result settles on its own (errors as rejected entries). */
  batch<T>(calls: Array<[method: string, params: unknown[]]>): Promise<PromiseSettledResult<T>[]> {
    const reqs = calls.map(([m, p]) => this.#request(m, p));
    this.ws.send(JSON.stringify(reqs.map((r) => r.frame)));
    return Promise.allSettled(reqs.map((r) => r.done as Promise<T>));
  }

  close(): void {
    this.ws.close();
  }
}
