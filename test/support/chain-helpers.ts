import { createRequire } from 'node:module';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import { rpc } from './node-process.ts';

/** The part of `ws`'s WebSocket used here (the test package has no @types/ws). */
interface WsSocket {
  readonly readyState: number;
  on(event: 'message', cb: (data: Buffer | string) => void): void;
  once(event: 'open' | 'close', cb: () => void): void;
  once(event: 'error', cb: (err: Error) => void): void;
  send(data: string | Buffer, opts?: { binary?: boolean }): void;
  close(): void;
}
const WebSocket = createRequire(import.meta.url)('ws') as { new (url: string, opts?: Record<string, unknown>): WsSocket; OPEN: number };

/** `balances.transferKeepAlive` without relying on api augmentation being generated. */
export function transferKeepAlive(api: ApiPromise, dest: string, amount: bigint): SubmittableExtrinsic<'promise'> {
  return api.tx['balances']!['transferKeepAlive']!(dest, amount);
}

/** `system.account` as plain numbers. */
export async function accountOf(api: ApiPromise, address: string): Promise<{ nonce: number; free: bigint }> {
  const info = (await api.query['system']!['account']!(address)) as unknown as { nonce: { toNumber(): number }; data: { free: { toBigInt(): bigint } } };
  return { nonce: info.nonce.toNumber(), free: info.data.free.toBigInt() };
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The one sleep of the tests (Node's own). */
export { setTimeout as sleep } from 'node:timers/promises';

export async function connectApi(wsUrl: string): Promise<ApiPromise> {
  return ApiPromise.create({ provider: new WsProvider(wsUrl, 250), noInitWarn: true, throwOnConnect: true });
}

export const devKeyring = () => new Keyring({ type: 'sr25519', ss58Format: 42 });

/** Signs and sends; resolves with the statuses seen once `until` is reached. */
export function sendUntil(tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair, until: 'InBlock' | 'Finalized' = 'Finalized', options: Record<string, unknown> = {}) {
  return new Promise<{ statuses: string[]; blockHash: string }>((resolve, reject) => {
    const statuses: string[] = [];
    let blockHash = '';
    tx.signAndSend(signer, options, (result) => {
      statuses.push(result.status.type);
      if (result.status.isInBlock) blockHash = result.status.asInBlock.toHex();
      if (result.dispatchError) reject(new Error(`dispatch error: ${result.dispatchError.toString()}`));
      if (result.status.type === until) resolve({ statuses, blockHash: blockHash || (result.status.isFinalized ? result.status.asFinalized.toHex() : '') });
      if (result.status.isInvalid || result.status.isDropped || result.status.isUsurped) reject(new Error(result.status.type));
    }).catch(reject);
  });
}

export interface Head {
  number: number;
  hash: string;
}

export async function heads(node: { httpUrl: string }): Promise<{ best: Head; finalized: Head }> {
  const bestHeader = await rpc<{ number: string }>(node, 'chain_getHeader');
  const bestHash = await rpc<string>(node, 'chain_getBlockHash', [Number(bestHeader.number)]);
  const finalizedHash = await rpc<string>(node, 'chain_getFinalizedHead');
  const finalizedHeader = await rpc<{ number: string }>(node, 'chain_getHeader', [finalizedHash]);
  return { best: { number: Number(bestHeader.number), hash: bestHash }, finalized: { number: Number(finalizedHeader.number), hash: finalizedHash } };
}

export async function metricsText(node: { metricsUrl?: string | undefined }): Promise<string> {
  const res = await fetch(node.metricsUrl!);
  return res.text();
}

/** The value of the first sample line that starts with `prefix` (e.g. `substrate_block_height{status="best"}`). */
export function metric(text: string, prefix: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(prefix + ' '));
  return line === undefined ? undefined : Number(line.slice(prefix.length + 1));
}

type RpcReply = { id: number; result?: unknown; error?: { code: number; message: string; data?: unknown } };

/** A raw JSON-RPC WebSocket client: single calls, batches and subscriptions. */
export class RawWs {
  #id = 0;
  readonly #pending = new Map<number, (r: RpcReply) => void>();
  readonly #subs = new Map<string, (result: unknown) => void>();
  readonly #raw: Array<(text: string) => void> = [];

  private constructor(readonly ws: WsSocket) {
    ws.once('close', () => {
      for (const reply of this.#pending.values()) reply({ id: -1, error: { code: -1, message: 'connection closed' } });
      this.#pending.clear();
    });
    ws.once('error', () => undefined);
    ws.on('message', (data) => {
      const text = String(data);
      const waiter = this.#raw.shift();
      if (waiter) return waiter(text);
      const msg = JSON.parse(text) as RpcReply | RpcReply[] | { method: string; params: { subscription: string; result: unknown } };
      for (const m of Array.isArray(msg) ? msg : [msg]) {
        if ('params' in m && m.params?.subscription !== undefined) this.#subs.get(String(m.params.subscription))?.(m.params.result);
        else if ('id' in m) this.#pending.get(m.id)?.(m);
      }
    });
  }

  static connect(url: string): Promise<RawWs> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { maxPayload: 256 * 1024 * 1024 });
      ws.once('open', () => resolve(new RawWs(ws)));
      ws.once('error', reject);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends `text` as is and resolves with the next message (for malformed-frame tests). */
  sendRaw(text: string | Buffer): Promise<string> {
    return new Promise((resolve) => {
      this.#raw.push(resolve);
      this.ws.send(text);
    });
  }

  call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    return this.batch([[method, params]]).then(([r]) => {
      if (r!.error) throw Object.assign(new Error(r!.error.message), r!.error);
      return r!.result as T;
    });
  }

  /** Sends one JSON-RPC batch; resolves with the replies in request order. */
  batch(calls: Array<[string, unknown[]]>): Promise<RpcReply[]> {
    const ids = calls.map(() => ++this.#id);
    const replies = ids.map((id) => new Promise<RpcReply>((resolve) => this.#pending.set(id, resolve)));
    const body = calls.map(([method, params], i) => ({ jsonrpc: '2.0', id: ids[i], method, params }));
    this.ws.send(JSON.stringify(calls.length === 1 ? body[0] : body));
    return Promise.all(replies).finally(() => ids.forEach((id) => this.#pending.delete(id)));
  }

  async subscribe(method: string, params: unknown[], onResult: (result: unknown) => void): Promise<string> {
    const id = await this.call<string>(method, params);
    this.#subs.set(String(id), onResult);
    return id;
  }

  close(): void {
    this.ws.close();
  }
}

/** A TCP port that was free a moment ago (for nodes that must restart on the same ports). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      server.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}
