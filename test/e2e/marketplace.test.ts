// The whole marketplace the way its users meet it: `npm start`'s launcher as a child process
// (dev chain, content store, provider //Bob with operator //Dave, OGate, local reactor), every
// user action through the `dinfra` CLI as a process, and @polkadot/api only to check the
// chain. Money is checked to the planck from balances and events.
import '@dinfra/runtime-specs/augment';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { isSealed, openContentStore, openSecret, sr25519KeypairFromSuri } from '@dinfra/content';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dinfra, ok, ROOT } from './cli.ts';
import { deployedProcesses, genesisThrough, portOf, tryConnect, waitGone } from './deployments.ts';
import { balanceAt, bestNumber, callsSignedBy, eventsOf, moves, subscriptionOf, sum, type Balance } from './ledger.ts';
import { isAlive, processesWithEnv, someoneListensOn } from './processes.ts';
import { startStack, type RunningStack } from './stack.ts';

const DIN = 10n ** 12n;
const PRICE = 50_000_000_000n; // `--price 50m`: 0.05 DIN per block
const D1 = 2n * DIN; // 40 blocks of runway
const TOP_UP = 120_000_000_000n; // 0.12 DIN: ceil(0.12 / 0.05) = 3 more blocks
const D2 = 3n * DIN;
const D3 = 10n * DIN; // still running when the stack is stopped
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
const API_KEY = 'e2e-API-KEY-must-never-be-in-the-clear-7f3a';
const DESCRIPTOR = join(ROOT, 'examples/rpc-node.json');

// 2 s blocks: the provider must report Provisioning within AckTimeout (20 blocks) even on a loaded machine.
const BLOCK_MS = 2000;
let stack: RunningStack;
let failed = false;
let api: ApiPromise;
let cwd: string;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
let bob: string;
let charlie: string;
let dave: string;

const t0 = Date.now();
/** Progress on stderr: this file takes minutes on a loaded machine. */
const note = (line: string) => process.stderr.write(`e2e [${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
const as = (suri: string) => ({ env: { DINFRA_SURI: suri }, cwd });
const cli = (args: string[], suri?: string) => dinfra(['--url', stack.wsUrl, ...args, '--json'], suri ? as(suri) : { cwd });

beforeAll(async () => {
  await cryptoWaitReady();
  [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s).address) as [string, string, string];
  cwd = mkdtempSync(join(tmpdir(), 'dinfra-e2e-cwd-')); // no ./.dinfra/ipfs found by accident
  stack = await startStack({ blockTimeMs: BLOCK_MS });
  note(`stack ready: ${stack.wsUrl}, OGate ${stack.ogateUrl}, reactor ${stack.reactorUrl}`);
  api = await ApiPromise.create({ provider: new WsProvider(stack.wsUrl), noInitWarn: true, throwOnConnect: true });
}, 240_000);

afterAll(async () => {
  await api?.disconnect();
  if (stack) {
    await stack.interrupt();
    // On failure, what the stack's services said (the chain's block lines left out).
    if (failed || process.env.E2E_STACK_LOG) process.stderr.write(stack.output().split('\n').filter((l) => !l.startsWith('node ')).slice(-400).join('\n') + '\n');
    rmSync(stack.stateDir, { recursive: true, force: true });
  }
  if (cwd) rmSync(cwd, { recursive: true, force: true });
}, 120_000);

/** What the test learns on the way and checks again in the books. */
const seen = {
  b0: 0,
  start: new Map<string, Balance>(),
  stackPids: [] as number[],
  sub1: { id: '', endpoint: '', expiresAfterTopUp: 0 },
  sub2: { id: '', endpoint: '', refund: 0n, paid: 0n },
  sub3: { id: '', endpoint: '' },
};

async function subscribe(deposit: bigint, extra: string[] = []) {
  note(`subscribing (deposit ${deposit} planck) ...`);
  const res = await cli(['subscribe', 'substrate-node', '--descriptor', DESCRIPTOR, '--deposit', String(deposit), '--planck', '--ipfs-repo', stack.ipfsRepo, '--wait', 'running', ...extra], '//Charlie');
  note(`subscribe returned (exit ${res.code})`);
  return ok<{ subscription: { id: string; state: string; endpoints: string[]; provider: { address: string } }; descriptorCid: string; sealedSecrets: string[] }>(res, 'dinfra subscribe');
}

async function waitForStatus(id: string, status: string, timeoutMs: number) {
  const started = Date.now();
  for (;;) {
    const s = await subscriptionOf(api, id);
    if (s.status === status) return s;
    if (Date.now() - started > timeoutMs) throw new Error(`subscription ${id} is ${s.status}, not ${status}, after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

// Each step waits on real deployments: minutes on a machine shared by many test runs.
describe('the marketplace end to end: npm start, the dinfra CLI, OGate, the local reactor', { timeout: 300_000 }, () => {
  beforeEach((ctx) => note(ctx.task.name));
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') failed = true;
  });

  it('the stack runs a chain, OGate and a reactor, and registered //Bob (operator //Dave) with open offerings through the CLI', async () => {
    const procs = processesWithEnv('DINFRA_IPFS_REPO', stack.ipfsRepo);
    // The four services (and their helpers, e.g. tsx's esbuild service), one stack id.
    const kinds = procs.map((p) => p.argv.find((a) => /dinfra-(node|ogate|reactor|monitor)\.mjs$/.test(a))?.replace(/^.*\//, '')).filter(Boolean).sort();
    expect(kinds).toEqual(['dinfra-monitor.mjs', 'dinfra-node.mjs', 'dinfra-ogate.mjs', 'dinfra-reactor.mjs']);
    expect(new Set(procs.map((p) => p.env.get('DINFRA_STACK'))).size).toBe(1);
    seen.stackPids = procs.map((p) => p.pid);

    const shown = ok<{ provider: { name: string; operator: string; offerings: { type: string; capacity: number; pricePerBlock: string; open: boolean }[] } }>(await cli(['provider', 'show', bob]), 'provider show');
    expect(shown.provider).toMatchObject({ name: 'local-bob', operator: dave });
    expect(shown.provider.offerings.map((o) => [o.type, o.capacity, o.pricePerBlock, o.open])).toEqual([
      ['substrate-node', 20, String(DIN / 1000n), true],
      ['rpc-endpoint', 5, String((5n * DIN) / 1000n), true],
    ]);
  });

  it('//Bob re-prices substrate-node to 50m with the CLI', async () => {
    ok(await cli(['provider', 'offer', 'substrate-node', '--capacity', '20', '--price', '50m', '--region', 'local'], '//Bob'), 'provider offer');
    const offering = (await api.query.providers.offerings(bob, 0)).unwrap();
    expect(offering.pricePerBlock.toBigInt()).toBe(PRICE);
    expect(offering.capacity.toNumber()).toBe(20);
    // The books open here: every balance below is compared with this block's.
    seen.b0 = await bestNumber(api);
    for (const who of [bob, charlie, dave]) seen.start.set(who, await balanceAt(api, seen.b0, who));
  });

  it('//Charlie subscribes with a sealed secret: descriptor in the store, award to //Bob, OGate -> reactor -> a node, Running with its endpoint on chain', async () => {
    const doc = await subscribe(D1, ['--secret', `API_KEY=${API_KEY}`]);
    const { id, state, endpoints, provider } = doc.subscription;
    expect(state).toBe('Running');
    expect(provider.address).toBe(bob);
    expect(doc.sealedSecrets).toEqual(['API_KEY']);
    expect(endpoints).toHaveLength(1);
    seen.sub1 = { id, endpoint: endpoints[0]!, expiresAfterTopUp: 0 };

    // The descriptor in the content store holds the secret sealed to //Dave, never in the clear.
    const store = await openContentStore({ ipfsRepo: stack.ipfsRepo });
    try {
      const text = new TextDecoder().decode(await store.get(doc.descriptorCid, { timeoutMs: 5_000 }));
      expect(text).not.toContain(API_KEY);
      const stored = JSON.parse(text) as { type: string; secrets: Record<string, string> };
      expect(stored.type).toBe('substrate-node');
      expect(isSealed(stored.secrets.API_KEY)).toBe(true);
      expect(openSecret({ name: 'API_KEY', sealed: stored.secrets.API_KEY!, keypairs: [sr25519KeypairFromSuri('//Dave')] })).toBe(API_KEY);
    } finally {
      await store.close();
    }

    const s = await subscriptionOf(api, id);
    expect(s).toMatchObject({ status: 'Running', provider: bob, pricePerBlock: PRICE, endpoints: [seen.sub1.endpoint], deposit: D1 });
    expect(s.expiresAt).toBe(s.settledTo! + Number(ceilDiv(D1, PRICE)));

    // The local reactor runs it as a process of the stack, listening on the endpoint's port.
    const procs = deployedProcesses(stack.ipfsRepo, id);
    expect(procs.length).toBeGreaterThan(0);
    expect(someoneListensOn(portOf(seen.sub1.endpoint))).toBe(true);
  });

  it("the subscriber's @polkadot/api talks to the endpoint and reads the chain's genesis hash", async () => {
    expect(await genesisThrough(seen.sub1.endpoint)).toBe(api.genesisHash.toHex());
  });

  it('`dinfra subscription top-up` moves the expiry by exactly ceil(amount / price) blocks', async () => {
    const before = await subscriptionOf(api, seen.sub1.id);
    const res = ok<{ previousExpiresAt: number }>(await cli(['subscription', 'top-up', seen.sub1.id, String(TOP_UP), '--planck'], '//Charlie'), 'top-up');
    expect(res.previousExpiresAt).toBe(before.expiresAt);
    const after = await subscriptionOf(api, seen.sub1.id);
    expect(after.expiresAt! - before.expiresAt!).toBe(Number(ceilDiv(TOP_UP, PRICE)));
    seen.sub1.expiresAfterTopUp = after.expiresAt!;
  });

  it('a second subscription, terminated by its subscriber with the CLI: exact refund, its process is gone', async () => {
    const doc = await subscribe(D2);
    const { id, endpoints } = doc.subscription;
    seen.sub2 = { id, endpoint: endpoints[0]!, refund: 0n, paid: 0n };
    expect(await genesisThrough(seen.sub2.endpoint)).toBe(api.genesisHash.toHex());
    expect(deployedProcesses(stack.ipfsRepo, id).length).toBeGreaterThan(0);

    const before = await subscriptionOf(api, id);
    expect(before.deposit).toBe(D2); // nothing settled since billing started
    const res = ok<{ reason: string; refund: string }>(await cli(['subscription', 'terminate', id], '//Charlie'), 'terminate');
    const after = await subscriptionOf(api, id);
    expect(after).toMatchObject({ status: 'Terminated', reason: 'BySubscriber', deposit: 0n });
    const t = after.terminatedAt!;
    const refund = before.deposit - before.pricePerBlock * BigInt(t - before.settledTo!);
    expect(refund).toBeGreaterThan(0n);
    expect(res).toMatchObject({ reason: 'BySubscriber', refund: String(refund) });

    const [block] = await eventsOf(api, t, t);
    const m = moves(api, [block!]);
    expect(m.terminated.filter((e) => e.id === BigInt(id))).toEqual([{ block: t, id: BigInt(id), reason: 'BySubscriber', refund }]);
    expect(m.settled.filter((e) => e.id === BigInt(id))).toEqual([{ block: t, id: BigInt(id), provider: bob, amount: D2 - refund, settledTo: t }]);
    // //Charlie's free balance across block t: the refund in, the terminate's fee out.
    const [was, is] = [await balanceAt(api, t - 1, charlie), await balanceAt(api, t, charlie)];
    expect(is.free - was.free).toBe(refund - (m.fees.get(charlie) ?? 0n));
    expect(m.feeCount.get(charlie)).toBe(1);
    seen.sub2.refund = refund;
    seen.sub2.paid = D2 - refund;

    await waitGone(stack.ipfsRepo, id, seen.sub2.endpoint);
    expect(await tryConnect(seen.sub2.endpoint)).toBe('ECONNREFUSED');
  });

  it('a third subscription runs (it is still running when the stack stops)', async () => {
    const doc = await subscribe(D3);
    seen.sub3 = { id: doc.subscription.id, endpoint: doc.subscription.endpoints[0]! };
    expect(await genesisThrough(seen.sub3.endpoint)).toBe(api.genesisHash.toHex());
    expect(deployedProcesses(stack.ipfsRepo, seen.sub3.id).length).toBeGreaterThan(0);
  });

  it('the first runs out of funds: Terminated{OutOfFunds} at its expiry block, refund 0, its process is gone', async () => {
    const { id, endpoint, expiresAfterTopUp } = seen.sub1;
    const s = await waitForStatus(id, 'Terminated', 240_000);
    expect(s).toMatchObject({ reason: 'OutOfFunds', terminatedAt: expiresAfterTopUp, deposit: 0n });
    const m = moves(api, await eventsOf(api, expiresAfterTopUp, expiresAfterTopUp));
    expect(m.terminated.filter((e) => e.id === BigInt(id))).toEqual([{ block: expiresAfterTopUp, id: BigInt(id), reason: 'OutOfFunds', refund: 0n }]);
    await waitGone(stack.ipfsRepo, id, endpoint);
    expect(await tryConnect(endpoint)).toBe('ECONNREFUSED');
  });

  it('every balance, to the planck: //Charlie free and reserved, //Bob gets exactly what was settled, //Dave pays only the fees in the events', async () => {
    const end = await bestNumber(api);
    const m = moves(api, await eventsOf(api, seen.b0 + 1, end));
    const at = async (who: string) => {
      const [a, b] = [seen.start.get(who)!, await balanceAt(api, end, who)];
      return { free: b.free - a.free, reserved: b.reserved - a.reserved };
    };
    const sub = (id: string) => (e: { id: bigint }) => e.id === BigInt(id);

    // What each subscription paid //Bob: all of the first (deposit + top-up), price x billed blocks of the second, nothing yet of the third.
    expect(sum(m.settled.filter(sub(seen.sub1.id)).map((e) => e.amount))).toBe(D1 + TOP_UP);
    expect(sum(m.settled.filter(sub(seen.sub2.id)).map((e) => e.amount))).toBe(seen.sub2.paid);
    expect(m.settled.filter(sub(seen.sub3.id))).toEqual([]);
    expect(m.toppedUp.map((e) => [e.id, e.amount, e.expiresAt])).toEqual([[BigInt(seen.sub1.id), TOP_UP, seen.sub1.expiresAfterTopUp]]);
    expect(m.terminated.map((e) => [e.id, e.reason, e.refund]).sort()).toEqual(
      [
        [BigInt(seen.sub1.id), 'OutOfFunds', 0n],
        [BigInt(seen.sub2.id), 'BySubscriber', seen.sub2.refund],
      ].sort(),
    );

    const charlieFees = m.fees.get(charlie) ?? 0n;
    expect(m.feeCount.get(charlie)).toBe(5); // three subscribes, a top-up, a terminate
    expect(await at(charlie)).toEqual({
      free: -(D1 + TOP_UP + D2 + D3) + seen.sub2.refund - charlieFees,
      reserved: D1 + TOP_UP + D2 + D3 - (D1 + TOP_UP) - seen.sub2.paid - seen.sub2.refund,
    });

    const settledToBob = sum(m.settled.filter((e) => e.provider === bob).map((e) => e.amount));
    expect(settledToBob).toBe(D1 + TOP_UP + seen.sub2.paid);
    expect(m.fees.get(bob)).toBeUndefined();
    expect(await at(bob)).toEqual({ free: settledToBob, reserved: 0n });

    // //Dave signs OGate's status reports. report_status is Pays::No; OGate sends them inside
    // utility.force_batch, and the batch pays its own fee: whatever //Dave paid is in the events.
    const daveFees = m.fees.get(dave) ?? 0n;
    const daveCalls = await callsSignedBy(api, seen.b0 + 1, end, dave);
    note(`//Dave (operator) signed ${daveCalls.length} extrinsic(s) in blocks ${seen.b0 + 1}..${end} (${daveCalls.map((c) => `${c.call}[${c.inner.join(',')}]`).join(' ')}), fees ${daveFees} planck`);
    expect(daveCalls.length).toBeGreaterThanOrEqual(2); // Provisioning and Running of three subscriptions, batched as OGate likes
    for (const c of daveCalls) {
      expect(c.call).toBe('utility.forceBatch');
      expect(new Set(c.inner)).toEqual(new Set(['subscriptions.reportStatus']));
    }
    expect(m.feeCount.get(dave) ?? 0).toBe(daveCalls.length);
    expect(await at(dave)).toEqual({ free: -daveFees, reserved: 0n });
  });

  it('Ctrl-C stops everything the stack started: chain, OGate, reactor and the running deployment', async () => {
    const before = processesWithEnv('DINFRA_IPFS_REPO', stack.ipfsRepo);
    const deployed = deployedProcesses(stack.ipfsRepo, seen.sub3.id);
    expect(deployed.length).toBeGreaterThan(0);
    for (const pid of seen.stackPids) expect(before.map((p) => p.pid)).toContain(pid);
    const rpcPort = portOf(stack.wsUrl.replace(/^ws/, 'http'));
    await api.disconnect(); // the chain is about to go away

    expect(await stack.interrupt()).toBe(0);
    expect(stack.output()).toMatch(/stack +\| stopped\n/);
    expect(processesWithEnv('DINFRA_IPFS_REPO', stack.ipfsRepo)).toEqual([]);
    for (const p of before) expect(isAlive(p.pid), `pid ${p.pid} (${p.argv.join(' ')})`).toBe(false);
    expect(someoneListensOn(portOf(seen.sub3.endpoint))).toBe(false);
    expect(someoneListensOn(rpcPort)).toBe(false);
    expect(await tryConnect(seen.sub3.endpoint)).toBe('ECONNREFUSED');
  });
});
