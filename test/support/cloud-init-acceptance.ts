/**
 * The cloud-init acceptance shared by test/cloudstack and test/aws: a real dev node, OGate and
 * `dinfra-reactor --backend <cloud>`; a provider offering `cloud-init` at a price; two
 * subscriptions, one declaring a port that accepts connections (a listener of this test on
 * 127.0.0.1, where the backend's `endpointHost` points), one declaring a port nothing listens
 * on. The first must end Running with its declared endpoint and billed, the second Failed
 * (the award lost with the reason) after the probe limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { addJson, contentStore, mintToken, subscribe, tempDir } from './ogate.ts';
import { REACTOR_BIN, startMarket, statusOnChain, until, type Market } from '../reactor/support.ts';

export const CLOUD_INIT_TYPE = 3;
export const PRICE = 1_000_000n;
/** Fast probes, and a small probe limit so a port that never opens fails within seconds. */
export const CLOUD_INIT_TUNING = { resyncMs: 1000, longPollS: 1, probeIntervalMs: 300, orphanSweepMs: 3000, startupGraceMs: 0, restartAfter: 1000, portProbeLimit: 6, createAttempts: 5, retryBaseMs: 100, retryMaxMs: 500 };

export interface CloudInitWorld {
  readonly m: Market;
  readonly openPort: number;
  readonly closedPort: number;
  readonly token: string;
  close(): Promise<void>;
}

const freePort = (): Promise<number> => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

export async function startCloudInitWorld(): Promise<CloudInitWorld> {
  const m = await startMarket([{ typeId: CLOUD_INIT_TYPE, capacity: 10, pricePerBlock: PRICE }]);
  const server: Server = createServer((c) => { c.on('error', () => undefined); c.end('hello\n'); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const openPort = (server.address() as { port: number }).port;
  const closedPort = await freePort();
  const token = await mintToken(m.og.dataDir, ['cloud-init']);
  return {
    m, openPort, closedPort, token,
    async close() {
      await new Promise((r) => server.close(r));
      await m.close();
    },
  };
}

/** Starts the reactor with `backends.<backend> = config` and the cloud-init tuning. */
export async function startCloudReactor(w: CloudInitWorld, backend: string, config: unknown, env: Record<string, string>): Promise<{ child: ChildProcess; out(): string; kill(): Promise<void> }> {
  const dir = tempDir(`dinfra-ci-${backend}-`);
  const file = join(dir, 'reactor.json');
  writeFileSync(file, JSON.stringify({ reactor: CLOUD_INIT_TUNING, backends: { [backend]: config } }));
  // A cloud reactor follows the built-in chain by its public URL, never OGate's loopback --url.
  const chains = join(dir, 'chains.yaml');
  writeFileSync(chains, 'chains:\n  dinfra:\n    public: { rpcUrl: "wss://dinfra.example.org" }\n');
  const child = spawn(process.execPath, [REACTOR_BIN, '--ogate', w.m.og.url, '--token', w.token, '--data-dir', join(dir, 'data'), '--listen', '127.0.0.1:0', '--config', file, '--backend', backend, '--chains', chains], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await until('reactor listening', () => {
    if (child.exitCode !== null) throw new Error(`dinfra-reactor exited (${child.exitCode}):\n${out}`);
    return out.includes('reactor listening on');
  }, 60_000);
  return {
    child, out: () => out,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Subscribes the two descriptors (one per port) to the provider; returns [open, closed] ids. */
export async function subscribeBoth(w: CloudInitWorld): Promise<[string, string]> {
  const store = await contentStore(w.m.og.ipfsRepo);
  const cids = [];
  for (const port of [w.openPort, w.closedPort]) cids.push(await addJson(store, { type: 'cloud-init', userData: '#cloud-config\nruncmd: [[echo, hello]]\n', ports: [{ port }] }));
  await store.close?.();
  const awards = await subscribe(w.m.api, w.m.subscriber, cids.map((cid) => ({ typeId: CLOUD_INIT_TYPE, cid, provider: w.m.provider.address, maxPricePerBlock: PRICE })));
  return [awards[0]!.id.toString(), awards[1]!.id.toString()];
}

/** The subscription's billing fields and last loss reason, as stored on chain. */
export async function billingOf(m: Market, id: string): Promise<{ pricePerBlock: bigint; settledTo?: number; expiresAt?: number; lossReason?: string }> {
  const s = ((await m.api.query.subscriptions!.subscriptions!(id)) as unknown as { unwrap(): { toJSON(): Record<string, unknown>; pricePerBlock: { toBigInt(): bigint } } }).unwrap();
  const j = s.toJSON() as { settledTo?: number | null; expiresAt?: number | null; lastLoss?: { cause?: { failed?: { reason?: string } } } | null };
  const raw = j.lastLoss?.cause?.failed?.reason;
  const lossReason = typeof raw === 'string' ? (raw.startsWith('0x') ? Buffer.from(raw.slice(2), 'hex').toString('utf8') : raw) : undefined;
  return { pricePerBlock: s.pricePerBlock.toBigInt(), ...(j.settledTo != null ? { settledTo: j.settledTo } : {}), ...(j.expiresAt != null ? { expiresAt: j.expiresAt } : {}), ...(lossReason ? { lossReason } : {}) };
}

/** Waits for the outcome: the open one Running (endpoint, billed), the closed one terminated with the reason. */
export async function outcome(w: CloudInitWorld, ids: [string, string], logs: () => string) {
  const [ok, bad] = ids;
  const warn = () => logs().split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(-15).join('\n');
  await until('the open one Running', async () => (await statusOnChain(w.m.api, ok)).type === 'Running', 180_000).catch((e: unknown) => {
    throw new Error(`${(e as Error).message}\n${warn()}`);
  });
  await until('the closed one failed', async () => (await statusOnChain(w.m.api, bad)).type === 'Terminated', 180_000).catch((e: unknown) => {
    throw new Error(`${(e as Error).message}\n${warn()}`);
  });
  return { running: await statusOnChain(w.m.api, ok), billing: await billingOf(w.m, ok), failed: await billingOf(w.m, bad), failedStatus: await statusOnChain(w.m.api, bad) };
}
