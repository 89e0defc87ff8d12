import WebSocket from 'ws';

interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** A minimal JSON-RPC client over a raw WebSocket that records subscription notifications. */
export class WsRpcClient {
  readonly #pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  readonly #events = new Map<string, unknown[]>();
  readonly #waiters = new Set<() => void>();
  #nextId = 0;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.#onMessage(JSON.parse(data.toString()) as Record<string, unknown>));
  }

  static async connect(url: string): Promise<WsRpcClient> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new WsRpcClient(ws);
  }

  #onMessage(msg: Record<string, unknown>): void {
    if (typeof msg.id === 'number') {
      const p = this.#pending.get(msg.id);
      this.#pending.delete(msg.id);
      if (msg.error) p?.reject(Object.assign(new Error((msg.error as RpcErrorObject).message), msg.error));
      else p?.resolve(msg.result);
      return;
    }
    const params = msg.params as { subscription: string; result: unknown } | undefined;
    if (!params) return;
    const list = this.#events.get(params.subscription) ?? [];
    list.push(params.result);
    this.#events.set(params.subscription, list);
    for (const w of [...this.#waiters]) w();
  }

  call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const id = ++this.#nextId;
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return new Promise<T>((resolve, reject) => this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** Every notification received so far on `subscription`. */
  events<T = Record<string, unknown>>(subscription: string): T[] {
    return (this.#events.get(subscription) ?? []) as T[];
  }

  /** Resolves with the first notification (from the start) that satisfies `pred`. */
  waitFor<T = Record<string, unknown>>(subscription: string, pred: (e: T) => boolean, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = this.events<T>(subscription).find(pred);
        if (found === undefined) return false;
        this.#waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`timeout waiting on ${subscription}; got ${JSON.stringify(this.events(subscription))}`));
      }, timeoutMs);
      if (!check()) this.#waiters.add(check);
    });
  }

  close(): void {
    this.ws.close();
  }
}
