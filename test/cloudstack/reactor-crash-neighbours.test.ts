/**
 * kill -9 of the real reactor (`dinfra-reactor --backend cloudstack`, real dev node and OGate)
 * in the middle of one deployment's destroy, while other deployments of other subscribers run
 * on the same cloud account (and a VM of another provider shares it): after the restart the
 * terminated one is gone and every other VM is the same VM, still Running, still Running on
 * chain. Before the tag fix, this destroy took every VM of the account with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudStackClient } from '@dinfra/reactor-sdk/cloudstack';
import { emulatorConfig, EMULATOR_USER, startCloudStackEmulator, type CloudStackEmulator } from '@dinfra/reactor-sdk/cloudstack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addJson, contentStore, submit, subscribe, tempDir } from '../support/ogate.ts';
import { startMarket, statusOnChain, TEST_TUNING, until, type Market } from '../reactor/support.ts';
import { freePort, startCsReactor, warnings, type CsReactor } from './support/cs-reactor.ts';

const PROXY = fileURLToPath(new URL('../reactor/fixtures/rpc-proxy-node.mjs', import.meta.url));
const FOREIGN_PROVIDER = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';

let m: Market | undefined;
let cloud: CloudStackEmulator | undefined;
let proxy: ChildProcess | undefined;
let reactor: CsReactor | undefined;
let port = 0;

beforeAll(async () => {
  m = await startMarket([{ typeId: 0, capacity: 20 }]);
  cloud = await startCloudStackEmulator({ jobDelayMs: 300 });
  port = await freePort();
  proxy = spawn(process.execPath, [PROXY, '--rpc-port', String(port), '--sync-from', m.node.wsUrl], { stdio: 'ignore' });
});

afterAll(async () => {
  await reactor?.kill();
  proxy?.kill('SIGKILL');
  await cloud?.close();
  await m?.close();
});

const live = (c: CloudStackEmulator) => [...c.state.vms.values()].filter((v) => c.state.isLive(v));
const tag = (v: { tags: { key: string; value: string }[] }, k: string) => v.tags.find((t) => t.key === k)?.value;

describe('dinfra-reactor --backend cloudstack: kill -9 during one destroy among other subscribers\' deployments', () => {
  it('the terminated deployment is gone; every other VM (other subscribers, another provider) keeps running', async () => {
    const c = cloud!;
    const configFile = join(tempDir('dinfra-cs-cfg-'), 'reactor.json');
    writeFileSync(configFile, JSON.stringify({ reactor: TEST_TUNING, backends: { cloudstack: emulatorConfig(c.url, { endpointHost: '127.0.0.1', rpcPort: port }) } }));
    const dataDir = tempDir('dinfra-cs-reactor-');
    const store = await contentStore(m!.og.ipfsRepo);
    const cid = await addJson(store, { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: 'dev' });
    await store.close();

    // Another provider's VM on the same cloud account, tagged as its reactor tags them.
    const user = new CloudStackClient({ endpoint: c.url, ...EMULATOR_USER });
    const s = c.state;
    const foreign = await user.call<{ id: string }>('deployVirtualMachine', { zoneid: s.zones[0]!.id, templateid: s.templates[0]!.id, serviceofferingid: s.offerings[0]!.id, name: 'dinfra-0000beef-1-1' });
    s.vms.get(foreign.id)!.tags = [
      { key: 'dinfra:managed-by', value: 'dinfra-reactor' }, { key: 'dinfra:provider', value: FOREIGN_PROVIDER },
      { key: 'dinfra:subscription', value: '1' }, { key: 'dinfra:generation', value: '1' },
    ];

    // Three subscribers, two subscriptions each, all awarded to this provider.
    const subscribers = [m!.subscriber, m!.keys.Dave!, m!.keys.Eve!];
    const ids: string[][] = [];
    for (const who of subscribers) ids.push((await subscribe(m!.api, who, [0, 1].map(() => ({ typeId: 0, cid, provider: m!.provider.address })))).map((a) => a.id.toString()));
    const all = ids.flat();
    reactor = await startCsReactor(m!, dataDir, configFile);
    await until(`${all.length} running on chain`, async () => (await Promise.all(all.map((id) => statusOnChain(m!.api, id)))).every((x) => x.type === 'Running'), 180_000).catch((e: unknown) => {
      console.log(warnings(reactor));
      throw e;
    });
    const before = new Map(live(c).map((v) => [v.id, v.name]));
    expect(before.size).toBe(all.length + 1);

    // Terminate the second subscriber's first subscription; kill -9 while its destroy job is pending.
    const victim = ids[1]![0]!;
    c.state.options.jobDelays = { destroyVirtualMachine: 3_600_000 };
    await submit(m!.api, m!.api.tx.subscriptions.terminate(victim), subscribers[1]!);
    await until('the destroy in flight', () => (c.counts().calls.destroyVirtualMachine ?? 0) >= 1, 60_000);
    await reactor.kill();
    c.state.options.jobDelays = {};
    c.state.releaseJobs();
    reactor = await startCsReactor(m!, dataDir, configFile);
    await until('the terminated VM gone', () => !live(c).some((v) => tag(v, 'dinfra:subscription') === victim && tag(v, 'dinfra:provider') === m!.provider.address), 120_000).catch((e: unknown) => {
      console.log(warnings(reactor));
      throw e;
    });
    await new Promise((r) => setTimeout(r, 3 * TEST_TUNING.resyncMs)); // more passes and an orphan sweep: nothing else goes

    const after = live(c);
    const expected = [...before].filter(([id]) => tag(s.vms.get(id)!, 'dinfra:subscription') !== victim || id === foreign.id);
    expect(after.map((v) => v.id).sort()).toEqual(expected.map(([id]) => id).sort());
    for (const v of after) expect(v.state, v.name).toBe('Running');
    expect(s.vms.get(foreign.id)!.state).toBe('Running');
    expect(c.counts()).toMatchObject({ vmsCreated: all.length + 1, vmsDestroyed: 1, duplicateNames: [] });
    for (const id of all.filter((x) => x !== victim)) expect((await statusOnChain(m!.api, id)).type, `subscription ${id}`).toBe('Running');
    await reactor.kill();
  }, 480_000);
});
