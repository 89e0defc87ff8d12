// The marketplace end to end on the FRAME runtime: `npm start -- --runtime wasm` (the Wasm
// built from frame/ on Chopsticks, OGate, the local reactor) and the unchanged `dinfra` CLI.
// subscribe → OGate → reactor → Running on chain → top-up → terminate, every balance to the
// planck, the fees read from the FRAME runtime's own TransactionFeePaid events.
import '@dinfra/runtime-specs/augment';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dinfra, ok, ROOT } from '../e2e/cli.ts';
import { deployedProcesses, portOf, tryConnect, waitGone } from '../e2e/deployments.ts';
import { balanceAt, bestNumber, eventsOf, moves, subscriptionOf, sum, type Balance } from '../e2e/ledger.ts';
import { processesWithEnv, someoneListensOn } from '../e2e/processes.ts';
import { startStack, type RunningStack } from '../e2e/stack.ts';
import { buildWasmSpec, wasmRuntimeAvailable } from '../support/wasm-chain.ts';

const DIN = 10n ** 12n;
const PRICE = 50_000_000_000n; // 0.05 DIN per block
const D1 = 5n * DIN;
const TOP_UP = 120_000_000_000n; // ceil(0.12 / 0.05) = 3 more blocks
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
const DESCRIPTOR = join(ROOT, 'examples/rpc-node.json');
const BLOCK_MS = 2000;

const available = wasmRuntimeAvailable();
let stack: RunningStack | undefined;
let api: ApiPromise;
let cwd: string;
let failed = false;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
let bob: string;
let charlie: string;
let dave: string;
const seen = { b0: 0, start: new Map<string, Balance>(), id: '', endpoint: '', refund: 0n, paid: 0n };
const cli = (args: string[], suri?: string) => dinfra(['--url', stack!.wsUrl, ...args, '--json'], { env: suri ? { DINFRA_SURI: suri } : {}, cwd });
const note = (line: string) => process.stderr.write(`wasm e2e: ${line}\n`);

describe.skipIf(!available)('the marketplace end to end on the FRAME runtime (Wasm on Chopsticks): npm start -- --runtime wasm, the CLI, OGate, the local reactor', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    await cryptoWaitReady();
    [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s).address) as [string, string, string];
    buildWasmSpec(); // cargo, when frame/ changed: minutes cold, seconds warm
    cwd = mkdtempSync(join(tmpdir(), 'dinfra-wasm-e2e-cwd-'));
    stack = await startStack({ blockTimeMs: BLOCK_MS, runtime: 'wasm', readyTimeoutMs: 600_000 });
    note(`stack ready: ${stack.wsUrl}`);
    api = await ApiPromise.create({ provider: new WsProvider(stack.wsUrl), noInitWarn: true, throwOnConnect: true });
  }, 50 * 60_000);

  afterAll(async () => {
    await api?.disconnect();
    if (stack) {
      await stack.interrupt();
      if (failed || process.env.E2E_STACK_LOG) process.stderr.write(stack.output().split('\n').slice(-300).join('\n') + '\n');
      rmSync(stack.stateDir, { recursive: true, force: true });
    }
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  }, 120_000);

  const step = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      try {
        await fn();
      } catch (e) {
        failed = true;
        throw e;
      }
    });

  step('the chain is the FRAME runtime: its :code is a Wasm blob, and //Bob is registered with operator //Dave', async () => {
    const code = (await api.rpc.state.getStorage(':code')) as unknown as { toU8a(bare: boolean): Uint8Array } | null;
    expect(code!.toU8a(true).length).toBeGreaterThan(100_000);
    const info = (await api.query.providers.providers(bob)).unwrap();
    expect(info.operator.toString()).toBe(dave);
    ok(await cli(['provider', 'offer', 'substrate-node', '--capacity', '20', '--price', '50m', '--region', 'local'], '//Bob'), 'provider offer');
    expect((await api.query.providers.offerings(bob, 0)).unwrap().pricePerBlock.toBigInt()).toBe(PRICE);
    seen.b0 = await bestNumber(api);
    for (const who of [bob, charlie, dave]) seen.start.set(who, await balanceAt(api, seen.b0, who));
  });

  step('//Charlie subscribes with the CLI: award to //Bob, OGate -> reactor -> a node, Running with its endpoint on chain', async () => {
    const res = await cli(['subscribe', 'substrate-node', '--descriptor', DESCRIPTOR, '--deposit', String(D1), '--planck', '--ipfs-repo', stack!.ipfsRepo, '--wait', 'running'], '//Charlie');
    const doc = ok<{ subscription: { id: string; state: string; endpoints: string[]; provider: { address: string } } }>(res, 'dinfra subscribe');
    expect(doc.subscription).toMatchObject({ state: 'Running', provider: { address: bob } });
    seen.id = doc.subscription.id;
    seen.endpoint = doc.subscription.endpoints[0]!;
    const s = await subscriptionOf(api, seen.id);
    expect(s).toMatchObject({ status: 'Running', provider: bob, pricePerBlock: PRICE, endpoints: [seen.endpoint], deposit: D1 });
    expect(s.expiresAt).toBe(s.settledTo! + Number(ceilDiv(D1, PRICE)));
    expect(deployedProcesses(stack!.ipfsRepo, seen.id).length).toBeGreaterThan(0);
    expect(someoneListensOn(portOf(seen.endpoint))).toBe(true);
  });

  step('`dinfra subscription top-up` moves the expiry by exactly ceil(amount / price) blocks', async () => {
    const before = await subscriptionOf(api, seen.id);
    ok(await cli(['subscription', 'top-up', seen.id, String(TOP_UP), '--planck'], '//Charlie'), 'top-up');
    const after = await subscriptionOf(api, seen.id);
    expect(after.expiresAt! - before.expiresAt!).toBe(Number(ceilDiv(TOP_UP, PRICE)));
  });

  step('`dinfra subscription terminate`: the exact refund, the settlement to //Bob, the process gone', async () => {
    const before = await subscriptionOf(api, seen.id);
    const res = ok<{ reason: string; refund: string }>(await cli(['subscription', 'terminate', seen.id], '//Charlie'), 'terminate');
    const after = await subscriptionOf(api, seen.id);
    expect(after).toMatchObject({ status: 'Terminated', reason: 'BySubscriber', deposit: 0n });
    const t = after.terminatedAt!;
    const refund = before.deposit - before.pricePerBlock * BigInt(t - before.settledTo!);
    expect(res).toMatchObject({ reason: 'BySubscriber', refund: String(refund) });
    const m = moves(api, await eventsOf(api, t, t));
    expect(m.terminated).toEqual([{ block: t, id: BigInt(seen.id), reason: 'BySubscriber', refund }]);
    const [was, is] = [await balanceAt(api, t - 1, charlie), await balanceAt(api, t, charlie)];
    expect(is.free - was.free).toBe(refund - (m.fees.get(charlie) ?? 0n));
    seen.refund = refund;
    seen.paid = D1 + TOP_UP - refund;
    await waitGone(stack!.ipfsRepo, seen.id, seen.endpoint);
    expect(await tryConnect(seen.endpoint)).toBe('ECONNREFUSED');
  });

  step('every balance, to the planck: //Charlie pays deposit less refund plus the fees in the events, //Bob gets what was settled, //Dave only fees', async () => {
    const end = await bestNumber(api);
    const m = moves(api, await eventsOf(api, seen.b0 + 1, end));
    const delta = async (who: string) => {
      const [a, b] = [seen.start.get(who)!, await balanceAt(api, end, who)];
      return { free: b.free - a.free, reserved: b.reserved - a.reserved };
    };
    expect(sum(m.settled.map((e) => e.amount))).toBe(seen.paid);
    expect(m.feeCount.get(charlie)).toBe(3); // subscribe, top-up, terminate
    const charlieFees = m.fees.get(charlie)!;
    expect(charlieFees).toBeGreaterThan(0n);
    expect(await delta(charlie)).toEqual({ free: -seen.paid - charlieFees, reserved: 0n });
    expect(m.fees.get(bob)).toBeUndefined();
    expect(await delta(bob)).toEqual({ free: seen.paid, reserved: 0n });
    note(`fees (FRAME runtime): //Charlie ${charlieFees} planck for 3 extrinsics, //Dave ${m.fees.get(dave) ?? 0n} for ${m.feeCount.get(dave) ?? 0}`);
    expect(await delta(dave)).toEqual({ free: -(m.fees.get(dave) ?? 0n), reserved: 0n });
  });

  step('Ctrl-C stops the chain, OGate, the reactor', async () => {
    const before = processesWithEnv('DINFRA_IPFS_REPO', stack!.ipfsRepo);
    expect(before.length).toBeGreaterThan(0);
    await api.disconnect();
    expect(await stack!.interrupt()).toBe(0);
    expect(processesWithEnv('DINFRA_IPFS_REPO', stack!.ipfsRepo)).toEqual([]);
  });
});
