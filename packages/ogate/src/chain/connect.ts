/** Connects @polkadot/api (typed by @dinfra/runtime-specs) and reconnects with backoff. */
import '@dinfra/runtime-specs/augment';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Logger } from 'pino';

export interface ChainConnection {
  api: ApiPromise;
  url: string;
  isConnected(): boolean;
  close(): Promise<void>;
}

export interface ConnectOptions {
  url: string;
  logger: Logger;
  /** First reconnect delay; doubles up to `maxBackoffMs` (default 5 s: a node back up is found within a block or two). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the first connection is up (retrying with backoff until then). */
export async function connectChain(options: ConnectOptions): Promise<ChainConnection> {
  const log = options.logger;
  const min = options.minBackoffMs ?? 250;
  const max = options.maxBackoffMs ?? 5_000;
  const provider = new WsProvider(options.url, false);
  let closed = false;
  let reconnecting = false;

  const reconnect = async () => {
    if (reconnecting || closed) return;
    reconnecting = true;
    let delay = min;
    while (!closed && !provider.isConnected) {
      await sleep(delay);
      if (closed) break;
      try {
        await provider.connect();
        await waitConnected(provider, 5_000);
      } catch (e) {
        log.warn({ err: (e as Error).message, retryInMs: Math.min(delay * 2, max) }, 'node connection failed; retrying');
        delay = Math.min(delay * 2, max);
        try {
          await provider.disconnect();
        } catch {
          /* already closed */
        }
      }
    }
    reconnecting = false;
    if (!closed && provider.isConnected) log.info({ url: options.url }, 'reconnected to the node');
  };

  provider.on('disconnected', () => {
    if (closed) return;
    log.warn({ url: options.url }, 'lost the node connection; reconnecting with backoff');
    void reconnect();
  });
  provider.on('error', () => undefined);

  let delay = min;
  for (;;) {
    if (options.signal?.aborted) throw new Error('aborted');
    try {
      await provider.connect();
      await waitConnected(provider, 5_000);
      break;
    } catch (e) {
      log.warn({ err: (e as Error).message, url: options.url, retryInMs: delay }, 'cannot reach the node; retrying');
      try {
        await provider.disconnect();
      } catch {
        /* not connected */
      }
      await sleep(delay);
      delay = Math.min(delay * 2, max);
    }
  }
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  return {
    api,
    url: options.url,
    isConnected: () => provider.isConnected,
    async close() {
      closed = true;
      await api.disconnect().catch(() => undefined);
    },
  };
}

function waitConnected(provider: WsProvider, timeoutMs: number): Promise<void> {
  if (provider.isConnected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      off();
      reject(new Error(`no connection within ${timeoutMs} ms`));
    }, timeoutMs);
    const offOk = provider.on('connected', () => {
      off();
      resolve();
    });
    const offErr = provider.on('error', (e: unknown) => {
      off();
      reject(e instanceof Error ? e : new Error((e as { message?: string })?.message ?? 'connection refused'));
    });
    function off() {
      clearTimeout(t);
      offOk();
      offErr();
    }
  });
}
