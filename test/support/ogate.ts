/**
 * Test helpers for OGate (also used by the reactor tests): start a real `dinfra-ogate run`
 * process, mint tokens, register a provider with offerings, put descriptors in the embedded
 * content store, subscribe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '@dinfra/runtime-specs/augment';
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import { openContentStore, type ContentStore } from '@dinfra/content';

export const OGATE_BIN = fileURLToPath(new URL('../../packages/ogate/bin/dinfra-ogate.mjs', import.meta.url));

export const DIN = 10n ** 12n;

export interface RunningOGate {
  process: ChildProcess;
  url: string;
  dataDir: string;
  ipfsRepo: string;
  logs: () => string;
  /** SIGKILL (or `signal`), then wait for exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOGateOptions {
  wsUrl: string;
  /** Operator key; default //Bob. */
  suri?: string;
  dataDir?: string;
  ipfsRepo?: string;
  provider?: string;
  /** More flags, e.g. ['--descriptor-timeout-ms', '500']. */
  args?: string[];
  env?: Record<string, string>;
  /** Wait for /readyz (default true). */
  waitReady?: boolean;
  timeoutMs?: number;
}

export const tempDir = (prefix = 'dinfra-ogate-'): string => mkdtempSync(join(tmpdir(), prefix));

/** Starts `dinfra-ogate run` on a random port and waits until it listens (and is ready). */
export async function startOGate(o: StartOGateOptions): Promise<RunningOGate> {
  const dataDir = o.dataDir ?? tempDir();
  const ipfsRepo = o.ipfsRepo ?? join(dataDir, 'ipfs');
  const args = [OGATE_BIN, 'run', '--url', o.wsUrl, '--suri', o.suri ?? '//Bob', '--data-dir', dataDir, '--ipfs-repo', ipfsRepo, '--listen', '127.0.0.1:0', ...(o.provider ? ['--provider', o.provider] : []), ...(o.args ?? [])];
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DINFRA_')));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...base, DINFRA_OGATE_BATCH_WINDOW_MS: '300', ...o.env } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timeoutMs = o.timeoutMs ?? 60_000;
  const started = Date.now();
  let url: string | undefined;
  while (!(url = /OGate listening on (http:\/\/\S+)/.exec(out)?.[1])) {
    if (child.exitCode !== null) throw new Error(`dinfra-ogate exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`dinfra-ogate did not listen within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const running: RunningOGate = {
    process: child,
    url,
    dataDir,
    ipfsRepo,
    logs: () => out,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  if (o.waitReady !== false) {
    try {
      await waitReady(running, timeoutMs - (Date.now() - started));
    } catch (e) {
      await running.kill();
      throw e;
    }
  }
  return running;
}

/** Polls /readyz until 200. */
export async function waitReady(og: RunningOGate, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (og.process.exitCode !== null) throw new Error(`dinfra-ogate exited (${og.process.exitCode}):\n${og.logs()}`);
    try {
      const r = await fetch(`${og.url}/readyz`);
      if (r.status === 200) return;
    } catch {
      /* not yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`dinfra-ogate not ready within ${timeoutMs} ms:\n${og.logs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A reactor token for `types`, minted with the data dir's secret (as `dinfra-ogate token create`). */
export async function mintToken(dataDir: string, types: string[], name = 'test-reactor', ttlSeconds = 3600): Promise<string> {
  const { createToken } = await import('@dinfra/ogate');
  return (await createToken({ dataDir, name, types, ttlSeconds })).token;
}

/** Signs, submits, waits for InBlock; rejects with the decoded dispatch error. Returns the block hash and events. */
export function submit(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair, opts: Record<string, unknown> = {}): Promise<{ blockHash: string; events: Array<{ section: string; method: string; data: unknown[] }> }> {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, opts, (result) => {
      if (result.status.isInBlock || result.status.isFinalized) {
        if (result.dispatchError) {
          const e = result.dispatchError;
          const msg = e.isModule ? (() => { const m = api.registry.findMetaError(e.asModule); return `${m.section}.${m.name}`; })() : e.toString();
          reject(new Error(`dispatch error: ${msg}`));
          return;
        }
        const blockHash = (result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized).toHex();
        resolve({ blockHash, events: result.events.map(({ event }) => ({ section: event.section, method: event.method, data: [...event.data] as unknown[] })) });
      } else if (result.isError) reject(new Error(result.status.type));
    }).catch(reject);
  });
}

export interface OfferingSpec {
  typeId: number;
  capacity?: number;
  pricePerBlock?: bigint;
  regions?: string[];
}

/** Registers `provider` (operator `operator`) and sets its offerings, in one batch. */
export async function registerProvider(api: ApiPromise, provider: KeyringPair, operator: string, name: string, offerings: OfferingSpec[]): Promise<void> {
  const calls = [
    api.tx.providers.register(name, `https://${name}.example`, operator),
    ...offerings.map((o) => api.tx.providers.setOffering(o.typeId, o.capacity ?? 1000, o.pricePerBlock ?? 0n, o.regions ?? [], true)),
  ];
  await submit(api, api.tx.utility.batchAll(calls), provider);
}

export interface SubscribeSpec {
  typeId: number;
  cid: string;
  /** Named provider; default a Selector on the type. */
  provider?: string;
  providers?: string[];
  deposit?: bigint;
  maxPricePerBlock?: bigint;
}

const targetOf = (s: SubscribeSpec) =>
  s.provider ? { Provider: { provider: s.provider, type_id: s.typeId } } : { Selector: { type_id: s.typeId, providers: s.providers ?? null, region: null } };

export function subscribeCall(api: ApiPromise, s: SubscribeSpec): SubmittableExtrinsic<'promise'> {
  return api.tx.subscriptions.subscribe(targetOf(s) as never, s.cid, s.deposit ?? 2n * DIN, s.maxPricePerBlock ?? 0n);
}

/** Subscribes; returns the ids and who got each award, in call order. Several specs go in one utility.batchAll. */
export async function subscribe(api: ApiPromise, subscriber: KeyringPair, specs: SubscribeSpec[]): Promise<Array<{ id: bigint; provider: string }>> {
  const tx = specs.length === 1 ? subscribeCall(api, specs[0]!) : api.tx.utility.batchAll(specs.map((s) => subscribeCall(api, s)));
  const { events } = await submit(api, tx, subscriber);
  return events
    .filter((e) => e.section === 'subscriptions' && e.method === 'Awarded')
    .map((e) => ({ id: (e.data[0] as { toBigInt(): bigint }).toBigInt(), provider: String(e.data[1]) }));
}

/** Opens the embedded content store OGate reads (the test adds descriptors while OGate runs). */
export function contentStore(ipfsRepo: string): Promise<ContentStore> {
  return openContentStore({ ipfsRepo });
}

/** Adds a JSON document (2-space JSON) to the store; returns its CID. */
export async function addJson(store: ContentStore, doc: unknown): Promise<string> {
  return store.add(new TextEncoder().encode(JSON.stringify(doc, null, 2) + '\n'));
}

/** A valid `substrate-node` descriptor. */
export function nodeDescriptor(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: 'v1.0.0', ...extra };
}

/** Authorized JSON fetch against OGate. */
export async function ogateFetch(og: { url: string }, token: string | undefined, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any; contentType: string }> {
  const res = await fetch(`${og.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, contentType: res.headers.get('content-type') ?? '' };
}
