import type { ApiPromise } from '@polkadot/api';
import { ConnectionError } from './errors.ts';
import type { TokenUnits } from './amount.ts';

export const DEFAULT_URL = 'ws://127.0.0.1:9944';

/** A connection to a DINFRA node and what the CLI needs to know about its chain. */
export interface Connection {
  api: ApiPromise;
  units: TokenUnits;
  ss58: number;
  /** Expected milliseconds between blocks (2 x Timestamp.MinimumPeriod, as Substrate's Aura/Babe). */
  blockTimeMs: number;
  close(): Promise<void>;
}

/** WsProvider emits Errors or WebSocket error events (`{ error, message }`). */
function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  const o = e as { message?: unknown; error?: unknown } | undefined;
  if (o && typeof o.message === 'string' && o.message) return o.message;
  if (o && o.error instanceof Error) return o.error.message;
  return 'the connection failed';
}

/** Checks the form of a node URL before anything connects. */
export function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectionError(`--url "${url}" is not a URL (expected e.g. ${DEFAULT_URL})`);
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    throw new ConnectionError(`--url "${url}" must be a WebSocket URL (ws:// or wss://), e.g. ${DEFAULT_URL}`);
  }
  return parsed;
}

/**
 * Connects to `url` (failing within `timeoutMs` instead of retrying forever as WsProvider
 * does) and checks that the node runs the DINFRA pallets.
 */
export async function connect(url: string, timeoutMs = 10_000): Promise<Connection> {
  checkUrl(url);
  const { ApiPromise, WsProvider } = await import('@polkadot/api');
  const provider = new WsProvider(url, false, undefined, timeoutMs);
  const fail = async (why: string): Promise<never> => {
    await provider.disconnect().catch(() => undefined);
    throw new ConnectionError(`cannot connect to ${url}: ${why} (set --url or DINFRA_URL to a running DINFRA node)`);
  };
  const opened = new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
    const offConnected = provider.on('connected', () => done(undefined));
    const offError = provider.on('error', (e: unknown) => done(errorText(e)));
    const done = (why: string | undefined) => {
      clearTimeout(timer);
      offConnected();
      offError();
      resolve(why);
    };
  });
  await provider.connect().catch((e: unknown) => e);
  const why = await opened;
  if (why !== undefined) return fail(why);
  let api: ApiPromise;
  try {
    api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (!api.tx.providers || !api.tx.subscriptions) {
    await api.disconnect();
    throw new ConnectionError(`the node at ${url} has no Providers / Subscriptions pallets: is it a DINFRA chain?`);
  }
  const minimumPeriod = api.consts.timestamp?.minimumPeriod;
  const blockTimeMs = minimumPeriod ? Number(minimumPeriod.toString()) * 2 : 6000;
  return {
    api,
    units: { symbol: api.registry.chainTokens[0] ?? 'UNIT', decimals: api.registry.chainDecimals[0] ?? 12 },
    ss58: api.registry.chainSS58 ?? 42,
    blockTimeMs: blockTimeMs > 0 ? blockTimeMs : 6000,
    close: () => api.disconnect(),
  };
}
