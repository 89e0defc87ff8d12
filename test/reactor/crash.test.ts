/**
 * Acceptance (issue 8): kill -9 the reactor while 20 deployments provision, restart it:
 * exactly 20 processes, no orphan, and each deployment reported Running exactly once on chain
 * (counted from StatusChanged events). Real dev node, OGate and dinfra-reactor processes; the
 * 20 deployments run a light node stand-in (fixtures/rpc-proxy-node.mjs: the node's command
 * line, JSON-RPC forwarded to the dev node) because 20 dinfra-nodes starve a shared 2-core
 * machine; lifecycle.test.ts runs the real dinfra-node path.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJson, contentStore, subscribe } from '../support/ogate.ts';
import { deployedProcesses, killDeployed, startMarket, startReactor, statusEvents, statusOnChain, until, type Market, type RunningReactor } from './support.ts';

let m: Market;
let reactor: RunningReactor | undefined;
let dataDir: string;

const LITE = fileURLToPath(new URL('./fixtures/rpc-proxy-node.mjs', import.meta.url));
/** Chain `lite`: follows the marketplace chain like `dinfra`, takes 2 s to come up. */
const chains = { chains: { lite: { binary: process.execPath, binaryArgs: [LITE], follow: 'ogate', defaultArgs: ['--startup-delay-ms', '2000'] } } };

let snapshots: Server;
let snapshotUrl: string;

beforeAll(async () => {
  m = await startMarket([{ typeId: 0, capacity: 30 }]);
  // Each create first restores a snapshot that takes 3 s to arrive: creates are in flight
  // (pending records, half-made deployments) when the reactor is killed.
  const dir = mkdtempSync(join(tmpdir(), 'snap-'));
  writeFileSync(join(dir, 'db-marker'), 'restored');
  const tar = execFileSync('tar', ['-c', '-C', dir, '.']);
  snapshots = createServer((_, res) => void setTimeout(() => res.end(tar), 3000));
  await new Promise<void>((r) => snapshots.listen(0, '127.0.0.1', r));
  snapshotUrl = `http://127.0.0.1:${(snapshots.address() as { port: number }).port}/snap.tar`;
});

afterAll(async () => {
  await reactor?.kill();
  if (dataDir) killDeployed(dataDir);
  await m?.close();
  snapshots?.close();
});

describe('crash safety', () => {
  it('kill -9 of the reactor while 20 deployments provision: after a restart exactly 20 processes, no orphan, Running once each', async () => {
    const store = await contentStore(m.og.ipfsRepo);
    const cid = await addJson(store, { type: 'substrate-node', role: 'rpc', chain: 'lite', version: 'dev', snapshotUrl });
    await store.close();
    const from = (await m.api.rpc.chain.getHeader()).number.toNumber() + 1;
    const awards = await subscribe(m.api, m.subscriber, Array.from({ length: 20 }, () => ({ typeId: 0, cid, provider: m.provider.address })));
    expect(awards).toHaveLength(20);
    const ids = awards.map((a) => a.id.toString());

    reactor = await startReactor(m, { chains });
    dataDir = reactor.dataDir;
    // Mid-provisioning: some processes started, not all deployments running yet.
    await until('a few processes', () => deployedProcesses(dataDir).length >= 3, 60_000);
    const running = (await Promise.all(ids.map((id) => statusOnChain(m.api, id)))).filter((s) => s.type === 'Running').length;
    await reactor.kill('SIGKILL');
    const atKill = deployedProcesses(dataDir).length;
    console.log(`killed the reactor with ${atKill} processes up and ${running}/20 running on chain`);
    expect(running).toBeLessThan(20);

    reactor = await startReactor(m, { dataDir, chains });
    const t0 = Date.now();
    await until('20 running on chain', async () => (await Promise.all(ids.map((id) => statusOnChain(m.api, id)))).every((s) => s.type === 'Running'), 240_000).catch(async (e) => {
      console.log((await Promise.all(ids.map((id) => statusOnChain(m.api, id)))).map((s) => s.type).join(' '));
      console.log(reactor!.logs().split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(-30).join('\n'));
      throw e;
    });
    console.log(`all 20 running ${Math.round((Date.now() - t0) / 1000)} s after the restart`);
    const procs = deployedProcesses(dataDir);
    expect(procs).toHaveLength(20);
    // One process per deployment, and every process belongs to a live deployment (no orphan).
    const names = new Set(procs.map((p) => p.resource));
    expect(names.size).toBe(20);
    const statuses = await Promise.all(ids.map((id) => statusOnChain(m.api, id)));
    const ports = new Set(statuses.map((s) => s.endpoints![0]!.split(':').pop()));
    expect(ports.size).toBe(20);
    for (const p of procs) expect(p.resource).toMatch(new RegExp(`-(${ids.join('|')})-1$`));
    // Each was restored from its snapshot before it started.
    for (const p of procs) expect(existsSync(join(readlinkSync(`/proc/${p.pid}/cwd`), 'db-marker'))).toBe(true);
    const events = (await statusEvents(m.api, from)).filter((e) => ids.includes(e.id));
    for (const id of ids) expect(events.filter((e) => e.id === id && e.status === 'Running'), `Running reports of ${id}`).toHaveLength(1);
  }, 400_000);
});
