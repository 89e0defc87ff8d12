/**
 * The real thing: a dev node, OGate and `dinfra-reactor --backend cloudstack` processes against
 * the CloudStack emulator. kill -9 of the reactor while deployments provision (deploy jobs
 * pending), restart: one VM per deployment, no duplicate, each Running once on chain; then
 * kill -9 while they are destroyed, restart: nothing left. Node endpoints point at one JSON-RPC
 * proxy to the dev node (endpointHost/rpcPort), so the reactor's health probes see the chain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emulatorConfig, startCloudStackEmulator, type CloudStackEmulator } from '@dinfra/reactor-sdk/cloudstack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJson, contentStore, submit, subscribe, tempDir } from '../support/ogate.ts';
import { publicChainsFile } from './support/cs-reactor.ts';
import { REACTOR_BIN, startMarket, statusEvents, statusOnChain, TEST_TUNING, until, type Market } from '../reactor/support.ts';

const PROXY = fileURLToPath(new URL('../reactor/fixtures/rpc-proxy-node.mjs', import.meta.url));
const N = 5;

let m: Market | undefined;
let cloud: CloudStackEmulator | undefined;
let proxy: ChildProcess | undefined;
let port = 0;
let reactor: { child: ChildProcess; out: () => string; kill(): Promise<void> } | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startCsReactor(dataDir: string, configFile: string) {
  const child = spawn(process.execPath, [REACTOR_BIN, '--ogate', m!.og.url, '--token', m!.token, '--data-dir', dataDir, '--listen', '127.0.0.1:0', '--config', configFile, '--backend', 'cloudstack', '--chains', publicChainsFile()], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLOUDSTACK_API_KEY: 'dinfra-api-key', CLOUDSTACK_SECRET_KEY: 'dinfra-secret-key' },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await until('reactor listening', () => {
    if (child.exitCode !== null) throw new Error(`dinfra-reactor exited (${child.exitCode}):\n${out}`);
    return /reactor listening on/.test(out);
  }, 60_000);
  return {
    child,
    out: () => out,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

beforeAll(async () => {
  m = await startMarket([{ typeId: 0, capacity: 20 }]);
  cloud = await startCloudStackEmulator({ jobDelayMs: 300, uniqueNames: false });
  port = await freePort();
  proxy = spawn(process.execPath, [PROXY, '--rpc-port', String(port), '--sync-from', m.node.wsUrl], { stdio: 'ignore' });
});

afterAll(async () => {
  await reactor?.kill();
  proxy?.kill('SIGKILL');
  await cloud?.close();
  await m?.close();
});

describe('dinfra-reactor --backend cloudstack, kill -9 and restart', () => {
  it(`provisioning and destroying ${N} deployments survive a kill -9 each: no duplicate, no leak, Running once`, async () => {
    const c = cloud!;
    const configFile = join(tempDir('dinfra-cs-cfg-'), 'reactor.json');
    writeFileSync(configFile, JSON.stringify({ reactor: TEST_TUNING, backends: { cloudstack: emulatorConfig(c.url, { endpointHost: '127.0.0.1', rpcPort: port }) } }));
    const dataDir = tempDir('dinfra-cs-reactor-');
    const store = await contentStore(m!.og.ipfsRepo);
    const cid = await addJson(store, { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: 'dev' });
    await store.close();
    const from = (await m!.api.rpc.chain.getHeader()).number.toNumber() + 1;
    const awards = await subscribe(m!.api, m!.subscriber, Array.from({ length: N }, () => ({ typeId: 0, cid, provider: m!.provider.address })));
    const ids = awards.map((a) => a.id.toString());

    // 1. kill -9 while deploy jobs are pending
    c.state.options.jobDelays = { deployVirtualMachine: 3_600_000 };
    reactor = await startCsReactor(dataDir, configFile);
    await until('deploys in flight', () => c.counts().vmsCreated >= 2, 60_000);
    await reactor.kill();
    console.log(`killed with ${c.counts().vmsCreated} VMs deployed, ${c.counts().jobsPending} jobs pending`);
    c.state.options.jobDelays = {};
    c.state.releaseJobs();

    reactor = await startCsReactor(dataDir, configFile);
    await until(`${N} running on chain`, async () => (await Promise.all(ids.map((id) => statusOnChain(m!.api, id)))).every((s) => s.type === 'Running'), 180_000).catch((e: unknown) => {
      console.log(reactor!.out().split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(-20).join('\n'));
      throw e;
    });
    const live = [...c.state.vms.values()].filter((v) => c.state.isLive(v));
    expect(live).toHaveLength(N);
    expect(new Set(live.map((v) => v.name)).size).toBe(N);
    expect(c.counts()).toMatchObject({ vmsCreated: N, duplicateNames: [], vmsInError: 0 });
    for (const v of live) expect(v.tags.find((t) => t.key === 'dinfra:subscription')?.value).toMatch(new RegExp(`^(${ids.join('|')})$`));
    const statuses = await Promise.all(ids.map((id) => statusOnChain(m!.api, id)));
    for (const s of statuses) expect(s.endpoints).toEqual([`ws://127.0.0.1:${port}`]);
    const events = (await statusEvents(m!.api, from)).filter((e) => ids.includes(e.id));
    for (const id of ids) expect(events.filter((e) => e.id === id && e.status === 'Running'), `Running reports of ${id}`).toHaveLength(1);

    // 2. kill -9 while they are destroyed
    c.state.options.jobDelays = { destroyVirtualMachine: 3_600_000 };
    await submit(m!.api, m!.api.tx.utility.batchAll(ids.map((id) => m!.api.tx.subscriptions.terminate(id))), m!.subscriber);
    await until('destroys in flight', () => (c.counts().calls.destroyVirtualMachine ?? 0) >= 2, 60_000);
    await reactor.kill();
    c.state.options.jobDelays = {};
    c.state.releaseJobs();
    reactor = await startCsReactor(dataDir, configFile);
    await until('no VM left', () => c.counts().vmsLive === 0, 120_000);
    await new Promise((r) => setTimeout(r, 2 * TEST_TUNING.resyncMs)); // a few more reconcile passes: nothing comes back
    expect(c.counts()).toMatchObject({ vmsCreated: N, vmsDestroyed: N, vmsLive: 0, duplicateNames: [] });
    await reactor.kill();
  }, 420_000);
});
