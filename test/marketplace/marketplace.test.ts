import '@dinfra/runtime-specs/augment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { rpc, startNode, type RunningNode } from '../support/node-process.ts';
import { bestNumber, call, eventsAt, freeOf, reservedOf, submit, subscription } from './chain.ts';

const DIN = 10n ** 12n;
const PRICE = DIN / 100n;
const DEPOSIT = DIN + 5n * 10n ** 9n; // 1.005 DIN: ceil(deposit / price) = 101 blocks
const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
const selector = (region: string | null = null) => ({ Selector: { type_id: 0, providers: null, region } });

let node: RunningNode;
let api: ApiPromise;
let alice: KeyringPair;
let bob: KeyringPair;
let charlie: KeyringPair;
const ids: number[] = [];
const awardedTo: string[] = [];

beforeAll(async () => {
  await cryptoWaitReady();
  node = await startNode(['--dev']);
  api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => keyring.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair];
});

afterAll(async () => {
  if (process.env.DEBUG_NODE_LOGS) console.log(node?.logs());
  await api?.disconnect();
  await node?.kill();
});

const newBlocks = (count: number) => rpc(node, 'dev_newBlock', [{ count }]);

describe('marketplace over RPC (@polkadot/api, dev node)', () => {
  it('two providers register and offer the substrate-node type', async () => {
    for (const [who, name] of [[alice, 'alice-nodes'], [bob, 'bob-nodes']] as const) {
      const r1 = await submit(api, call(api, 'providers', 'register', name, `https://${name}.example`, who.address), who);
      expect(r1.failed).toBeUndefined();
      const r2 = await submit(api, call(api, 'providers', 'setOffering', 0, 10, PRICE, ['eu'], true), who);
      expect(r2.failed).toBeUndefined();
    }
    const byType = ((await (api.query as any).providers.offeringsByType(0)) as any).toJSON();
    expect(byType).toHaveLength(2);
  });

  it('three subscriptions go to the least-utilized provider each time', async () => {
    // Equal price and capacity: ties on utilization break by live subscriptions, then the smaller account id.
    const [first, second] = [alice, bob].sort((a, b) => (u8aToHex(a.publicKey) < u8aToHex(b.publicKey) ? -1 : 1)) as [KeyringPair, KeyringPair];
    for (const expected of [first, second, first]) {
      const r = await submit(api, call(api, 'subscriptions', 'subscribe', selector(), CID, DEPOSIT, PRICE), charlie);
      expect(r.failed).toBeUndefined();
      const awarded = r.events.find((e) => e.name === 'subscriptions.Awarded')!;
      expect(awarded).toBeDefined();
      expect(api.createType('AccountId', awarded.data[1]).toString()).toBe(expected.address);
      ids.push(Number(awarded.data[0]));
      awardedTo.push(expected.address);
    }
    expect(new Set(ids).size).toBe(3);
    // The subscriber's deposits are reserved.
    expect(await reservedOf(api, charlie.address)).toBe(3n * DEPOSIT);
  });

  it('an unauthorized report, an illegal transition and a subscribe nothing fits are refused and change nothing', async () => {
    const id = ids[2]!;
    const before = await subscription(api, id);
    const nextId = ((await (api.query as any).subscriptions.nextSubscriptionId()) as any).toNumber();
    const unauthorized = await submit(api, call(api, 'subscriptions', 'reportStatus', id, 'Provisioning'), charlie);
    expect(unauthorized.failed).toBe('subscriptions.NotAssignedProvider');
    const provider = awardedTo[2] === alice.address ? alice : bob;
    const illegal = await submit(api, call(api, 'subscriptions', 'reportStatus', id, { Running: { endpoints: ['wss://x.example'] } }), provider);
    expect(illegal.failed).toBe('subscriptions.IllegalTransition');
    expect(await subscription(api, id)).toEqual(before);
    const tooCheap = await submit(api, call(api, 'subscriptions', 'subscribe', selector(), CID, DEPOSIT, PRICE - 1n), charlie);
    expect(tooCheap.failed).toBe('subscriptions.AllOfferingsTooExpensive');
    const wrongRegion = await submit(api, call(api, 'subscriptions', 'subscribe', selector('us'), CID, DEPOSIT, PRICE), charlie);
    expect(wrongRegion.failed).toBe('subscriptions.NoOfferingInRegion');
    expect(((await (api.query as any).subscriptions.nextSubscriptionId()) as any).toNumber()).toBe(nextId);
    expect(await reservedOf(api, charlie.address)).toBe(3n * DEPOSIT);
  });

  it('status reports move the state; reports pay no fee; funds run out at the block the spec predicts, paid to the planck', async () => {
    // Acknowledge the other awards first, so they do not time out while blocks pass.
    for (const i of [1, 2]) {
      const ack = await submit(api, call(api, 'subscriptions', 'reportStatus', ids[i], 'Provisioning'), awardedTo[i] === alice.address ? alice : bob);
      expect(ack.failed).toBeUndefined();
    }
    const id = ids[0]!;
    const provider = awardedTo[0] === alice.address ? alice : bob;
    const providerFree = await freeOf(api, provider.address);
    const p = await submit(api, call(api, 'subscriptions', 'reportStatus', id, 'Provisioning'), provider);
    expect(p.failed).toBeUndefined();
    expect((await subscription(api, id)).status).toEqual({ provisioning: null });
    const running = await submit(api, call(api, 'subscriptions', 'reportStatus', id, { Running: { endpoints: ['wss://rpc-1.example'] } }), provider);
    expect(running.failed).toBeUndefined();
    expect(running.events.some((e) => e.name === 'transactionPayment.TransactionFeePaid')).toBe(false);
    expect(await freeOf(api, provider.address)).toBe(providerFree);
    // E = r + ceil(deposit / price), r = the block of the first Running report.
    const r = running.blockNumber;
    const expiry = r + Number((DEPOSIT + PRICE - 1n) / PRICE);
    const started = running.events.find((e) => e.name === 'subscriptions.BillingStarted')!;
    expect(Number(started.data[2])).toBe(expiry);
    const charlieReservedBefore = await reservedOf(api, charlie.address);
    await newBlocks(expiry - 1 - (await bestNumber(api)));
    expect((await subscription(api, id)).status).toHaveProperty('running');
    await newBlocks(1);
    const hash = (await api.rpc.chain.getBlockHash(expiry)).toHex();
    const events = await eventsAt(api, hash);
    const terminated = events.find((e) => e.name === 'subscriptions.Terminated')!;
    expect(terminated).toBeDefined();
    expect(terminated.data[2]).toBe('OutOfFunds');
    expect(BigInt(terminated.data[3])).toBe(0n);
    const settled = events.find((e) => e.name === 'subscriptions.Settled')!;
    expect(BigInt(settled.data[2])).toBe(DEPOSIT);
    expect(await freeOf(api, provider.address)).toBe(providerFree + DEPOSIT);
    expect(await reservedOf(api, charlie.address)).toBe(charlieReservedBefore - DEPOSIT);
  });

  it('terminate by the subscriber refunds the unspent deposit exactly and pays the provider the rest', async () => {
    const id = ids[1]!;
    const provider = awardedTo[1] === alice.address ? alice : bob;
    const running = await submit(api, call(api, 'subscriptions', 'reportStatus', id, { Running: { endpoints: ['wss://rpc-2.example'] } }), provider);
    await newBlocks(7);
    const providerFree = await freeOf(api, provider.address);
    const charlieFree = await freeOf(api, charlie.address);
    const reserved = await reservedOf(api, charlie.address);
    const t = await submit(api, call(api, 'subscriptions', 'terminate', id), charlie);
    expect(t.failed).toBeUndefined();
    const paid = PRICE * BigInt(t.blockNumber - running.blockNumber);
    const refund = DEPOSIT - paid;
    const terminated = t.events.find((e) => e.name === 'subscriptions.Terminated')!;
    expect(terminated.data[2]).toBe('BySubscriber');
    expect(BigInt(terminated.data[3])).toBe(refund);
    expect(await freeOf(api, provider.address)).toBe(providerFree + paid);
    const fee = BigInt(t.events.find((e) => e.name === 'transactionPayment.TransactionFeePaid')!.data[1]);
    expect(await freeOf(api, charlie.address)).toBe(charlieFree + refund - fee);
    expect(await reservedOf(api, charlie.address)).toBe(reserved - DEPOSIT);
    // The capacity is free again.
    const offering = ((await (api.query as any).providers.offerings(provider.address, 0)) as any).toJSON();
    expect(offering.used).toBe(awardedTo.filter((a) => a === provider.address).length - 1 - (awardedTo[0] === provider.address ? 1 : 0));
  });
});

describe('DinfraApi through the generated augmentation', () => {
  it('pages a provider\'s and a subscriber\'s live subscriptions one at a time, quotes an award, and reports billing', async () => {
    const live = ids[2]!;
    const provider = awardedTo[2]!;
    // Three more live subscriptions of the same provider (named target): four live in all,
    // the terminated ones (ids[0] ran out of funds, ids[1] was terminated) must not show.
    const more: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await submit(api, call(api, 'subscriptions', 'subscribe', { Provider: { provider, type_id: 0 } }, CID, DEPOSIT, PRICE), charlie);
      expect(r.failed).toBeUndefined();
      more.push(Number(r.events.find((e) => e.name === 'subscriptions.Awarded')!.data[0]));
    }
    const expected = [live, ...more].sort((a, b) => a - b);
    expect(expected).toHaveLength(4);
    /** Every id, fetched one per call (limit 1), following start_after until an empty page. */
    const walk = async (fetch: (after: number | null) => Promise<Array<{ toNumber(): number }>>) => {
      const seen: number[] = [];
      let after: number | null = null;
      for (let calls = 0; calls < 10; calls++) {
        const page: number[] = (await fetch(after)).map((x) => x.toNumber());
        expect(page.length).toBeLessThanOrEqual(1);
        if (page.length === 0) return seen;
        seen.push(page[0]!);
        after = page[0]!;
      }
      throw new Error(`paging did not end: ${seen.join(', ')}`);
    };
    expect(await walk((after) => api.call.dinfraApi.subscriptionsOfProvider(provider, after, 1))).toEqual(expected);
    // Charlie's live subscriptions are the same four (the others ended).
    expect(await walk((after) => api.call.dinfraApi.subscriptionsOfSubscriber(charlie.address, after, 1))).toEqual(expected);
    const quote = await api.call.dinfraApi.quote({ Selector: { type_id: 0, providers: null, region: null } }, PRICE);
    expect(quote.isOk).toBe(true);
    expect(quote.asOk.pricePerBlock.toBigInt()).toBe(PRICE);
    const tooCheap = await api.call.dinfraApi.quote({ Selector: { type_id: 0, providers: null, region: null } }, PRICE - 1n);
    expect(tooCheap.isErr && api.registry.findMetaError(tooCheap.asErr.asModule).name).toBe('AllOfferingsTooExpensive');
    const sub = await api.call.dinfraApi.subscription(live);
    expect(sub.isSome && sub.unwrap().provider.toString()).toBe(provider);
    const billing = await api.call.dinfraApi.billing(live);
    expect(billing.isSome).toBe(true);
  });
});
