/**
 * The reactor acceptance tests' world: a real dev node, a real OGate, `dinfra-reactor`
 * processes with the local backend, and the `dinfra` CLI as the subscriber.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiPromise } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { dinfra, type CliResult } from '../cli/support.ts';
import { connectApi, devKeyring, sleep } from '../support/chain-helpers.ts';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { mintToken, registerProvider, startOGate, tempDir, type OfferingSpec, type RunningOGate } from '../support/ogate.ts';

export const REACTOR_BIN = fileURLToPath(new URL('../../packages/reactor-sdk/bin/dinfra-reactor.mjs', import.meta.url));

export interface Market {
  node: RunningNode;
  api: ApiPromise;
  og: RunningOGate;
  token: string;
  provider: KeyringPair;
  subscriber: KeyringPair;
  keys: Record<string, KeyringPair>;
  close(): Promise<void>;
}

/** A dev node, provider //Alice (operator //Bob, OGate's key) with the given offerings, and OGate. */
export async function startMarket(offerings: OfferingSpec[] = [{ typeId: 0, capacity: 50 }]): Promise<Market> {
  const node = await startNode(['--dev']);
  const api = await connectApi(node.wsUrl);
  const k = devKeyring();
  const keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n, k.addFromUri(`//${n}`)])) as Record<string, KeyringPair>;
  await registerProvider(api, keys.Alice!, keys.Bob!.address, 'alice-infra', offerings);
  const og = await startOGate({ wsUrl: node.wsUrl, suri: '//Bob', dataDir: tempDir() });
  const token = await mintToken(og.dataDir, ['substrate-node', 'rpc-endpoint']);
  return {
    node, api, og, token, provider: keys.Alice!, subscriber: keys.Charlie!, keys,
    async close() {
      await og.kill();
      await api.disconnect();
      await node.kill();
    },
  };
}

export interface RunningReactor {
  process: ChildProcess;
  url: string;
  dataDir: string;
  logs: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Fast settings for tests (production: resync 60 s, probes 10 s, degraded after 4). */
export const TEST_TUNING = { resyncMs: 3000, longPollS: 2, probeIntervalMs: 1000, orphanSweepMs: 3000, restartAfter: 2, degradedAfter: 3, startupGraceMs: 20_000, createAttempts: 3, retryBaseMs: 200, retryMaxMs: 1000 };

/** Starts `dinfra-reactor` (local backend) and waits for its `reactor listening on` line and /readyz. */
export async function startReactor(m: Market, o: { dataDir?: string; chains?: unknown; tuning?: Record<string, number>; args?: string[]; env?: Record<string, string>; waitReady?: boolean } = {}): Promise<RunningReactor> {
  const dataDir = o.dataDir ?? tempDir('dinfra-reactor-');
  const config = join(tempDir('dinfra-reactor-cfg-'), 'reactor.json');
  writeFileSync(config, JSON.stringify({ reactor: { ...TEST_TUNING, ...o.tuning }, backends: { local: { superviseIntervalMs: 250 } } }));
  const args = [REACTOR_BIN, '--ogate', m.og.url, '--token', m.token, '--data-dir', dataDir, '--listen', '127.0.0.1:0', '--config', config, ...(o.args ?? [])];
  if (o.chains) {
    const file = join(tempDir('dinfra-chains-'), 'chains.json');
    writeFileSync(file, JSON.stringify(o.chains));
    args.push('--chains', file);
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...o.env } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let url: string | undefined;
  const started = Date.now();
  while (!(url = /reactor listening on (http:\/\/[^\s"]+)/.exec(out)?.[1])) {
    if (child.exitCode !== null) throw new Error(`dinfra-reactor exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > 60_000) throw new Error(`dinfra-reactor did not listen:\n${out}`);
    await sleep(50);
  }
  const r: RunningReactor = {
    process: child, url, dataDir, logs: () => out,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  if (o.waitReady !== false) await until('reactor ready', async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200, 60_000);
  return r;
}

export { sleep };

export async function until(what: string, f: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

export interface DeployedProcess { pid: number; resource: string; member: string }

/** Live group leaders the local backend started under `dataDir` (found through /proc). */
export function deployedProcesses(dataDir: string): DeployedProcess[] {
  const out: DeployedProcess[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (f[0] === 'Z' || f[2] !== e) continue; // zombies; not a group leader
      if (!readlinkSync(`/proc/${e}/cwd`).startsWith(dataDir)) continue;
      const env = readFileSync(`/proc/${e}/environ`, 'utf8').split('\0');
      const get = (k: string) => env.find((x) => x.startsWith(`${k}=`))?.slice(k.length + 1);
      const resource = get('DINFRA_RESOURCE');
      if (resource) out.push({ pid: Number(e), resource, member: get('DINFRA_MEMBER') ?? '' });
    } catch {
      // gone or not ours
    }
  }
  return out;
}

/** Kills every process the local backend started under `dataDir` (test clean-up). */
export function killDeployed(dataDir: string): void {
  for (const p of deployedProcesses(dataDir)) {
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** `dinfra ...` as //Charlie (or `suri`) against the market's node. */
export function cli(m: Market, args: string[], suri = '//Charlie'): Promise<CliResult> {
  return dinfra(['--url', m.node.wsUrl, ...args], { DINFRA_SURI: suri, DINFRA_IPFS_REPO: m.og.ipfsRepo });
}

/** Writes a descriptor file for the CLI. */
export function descriptorFile(doc: unknown): string {
  const file = join(tempDir('dinfra-desc-'), 'descriptor.json');
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  return file;
}

export type ChainStatus = { type: string; endpoints?: string[]; reason?: string; provider: string };

/** The subscription's status on chain. */
export async function statusOnChain(api: ApiPromise, id: bigint | string): Promise<ChainStatus> {
  const s = ((await api.query.subscriptions!.subscriptions!(id)) as unknown as { unwrap(): { status: { type: string; value: unknown; toJSON(): unknown }; provider: { toString(): string } } }).unwrap();
  const json = s.status.toJSON() as Record<string, { endpoints?: string[]; reason?: string }>;
  const inner = Object.values(json)[0];
  const endpoints = inner && typeof inner === 'object' && inner.endpoints ? inner.endpoints.map((e) => (e.startsWith('0x') ? Buffer.from(e.slice(2), 'hex').toString('utf8') : e)) : undefined;
  return { type: s.status.type, provider: s.provider.toString(), ...(endpoints ? { endpoints } : {}) };
}

/** Every StatusChanged event on chain from block `from` to the head: [id, status type]. */
export async function statusEvents(api: ApiPromise, from = 1): Promise<Array<{ id: string; status: string; block: number }>> {
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const out: Array<{ id: string; status: string; block: number }> = [];
  for (let n = from; n <= head; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const events = (await (await api.at(hash)).query.system!.events!()) as unknown as Array<{ event: { section: string; method: string; data: Array<{ toString(): string; type?: string }> } }>;
    for (const { event } of events) {
      if (event.section === 'subscriptions' && event.method === 'StatusChanged') {
        out.push({ id: event.data[0]!.toString(), status: (event.data[2] as unknown as { type: string }).type, block: n });
      }
    }
  }
  return out;
}
