import { pino } from 'pino';
import WebSocket from 'ws';
import { createRpcServer } from './index.ts';
import type { RpcServer, RpcServerOptions } from './types.ts';

export const silentLogger = pino({ level: 'silent' });

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function startServer(options: Partial<RpcServerOptions> & Pick<RpcServerOptions, 'methods'>): Promise<RpcServer> {
  return createRpcServer({ port: 0, host: '127.0.0.1', logger: silentLogger, ...options });
}

/** A WebSocket client that records every frame it receives. */
export class TestClient {
  readonly messages: Json[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)));
      this.wake();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static async connect(port: number, headers?: Record<string, string>): Promise<TestClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { headers });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new TestClient(ws);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Wait until a received message matches; returns it. */
  async waitFor(pred: (m: Json) => boolean, timeoutMs = 5000): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(pred);
      if (found !== undefined) return found;
      if (this.closed) throw new Error('socket closed while waiting');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timeout waiting; got ${JSON.stringify(this.messages).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async waitForCount(n: number, timeoutMs = 5000): Promise<void> {
    await this.waitFor(() => this.messages.length >= n, timeoutMs);
  }

  private nextId = 1;
  async call(method: string, params: unknown[] = []): Promise<Json> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.waitFor((m) => m.id === id);
  }

  async waitClosed(timeoutMs = 5000): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
      this.ws.once('close', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.ws.close();
    await this.waitClosed();
  }
}

export async function httpPost(
  port: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; json: Json }> {
  const res = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  let json: Json;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
