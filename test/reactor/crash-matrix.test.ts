/**
 * Kill -9 at each step of a create (the reactor SIGKILLs itself at a named crash point,
 * `DINFRA_REACTOR_CRASH_AT`), then restart: every deployment ends with exactly one process
 * and exactly one Running on chain. Real dev node, OGate and dinfra-reactor processes; the
 * node is the light stand-in (fixtures/rpc-proxy-node.mjs) so each step stays quick.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJson, contentStore, subscribe, tempDir } from '../support/ogate.ts';
import { deployedProcesses, killDeployed, startMarket, startReactor, statusEvents, statusOnChain, until, type Market } from './support.ts';

const LITE = fileURLToPath(new URL('./fixtures/rpc-proxy-node.mjs', import.meta.url));
const chains = { chains: { lite: { binary: process.execPath, binaryArgs: [LITE], follow: 'ogate' } } };
const POINTS = ['after-provisioning-report', 'after-pending-create', 'after-local-record', 'after-spawn', 'after-create', 'after-running-report'];

let m: Market;
const dataDir = tempDir('dinfra-reactor-matrix-');

beforeAll(async () => {
  m = await startMarket([{ typeId: 0, capacity: 20 }]);
});

afterAll(async () => {
  killDeployed(dataDir);
  await m?.close();
});

describe('kill -9 at each step of a create', () => {
  it('restart settles it: one process and one Running per deployment, at every crash point', async () => {
    const store = await contentStore(m.og.ipfsRepo);
    const cid = await addJson(store, { type: 'substrate-node', role: 'rpc', chain: 'lite', version: 'dev' });
    await store.close();
    const from = (await m.api.rpc.chain.getHeader()).number.toNumber() + 1;
    const ids: string[] = [];
    for (const point of POINTS) {
      const [award] = await subscribe(m.api, m.subscriber, [{ typeId: 0, cid, provider: m.provider.address }]);
      const id = award!.id.toString();
      ids.push(id);
      const doomed = await startReactor(m, { dataDir, chains, env: { DINFRA_REACTOR_CRASH_AT: point }, waitReady: false });
      await until(`reactor to die at ${point}`, () => doomed.process.signalCode === 'SIGKILL', 60_000);
      const r = await startReactor(m, { dataDir, chains });
      await until(`${id} running after a crash ${point}`, async () => (await statusOnChain(m.api, id)).type === 'Running', 60_000);
      const procs = deployedProcesses(dataDir);
      expect(procs.filter((p) => p.resource.endsWith(`-${id}-1`)), point).toHaveLength(1);
      expect(procs, point).toHaveLength(ids.length);
      await r.kill('SIGTERM');
    }
    const events = await statusEvents(m.api, from);
    for (const [i, id] of ids.entries()) {
      expect(events.filter((e) => e.id === id).map((e) => e.status), POINTS[i]).toEqual(['Provisioning', 'Running']);
    }
  }, 400_000);
});
