import { performance } from 'node:perf_hooks';
import { Env } from '../framework/env.ts';
import { Harness } from '../testing/harness.ts';
import { account, CID, DIN, hex } from '../testing/fixtures.ts';
import { SystemStorage } from '../pallets/system.ts';
import { ProvidersStorage as PS } from '../pallets/providers/storage.ts';
import { SubscriptionsStorage as S } from '../pallets/subscriptions/storage.ts';
import type { SubscriptionValue } from '../pallets/subscriptions/types.ts';

/**
 * Benchmarks of the Subscriptions pallet:
 * - block time (begin with the Timestamp inherent + finalize, through the real Executive)
 *   with 100 and with 100,000 live subscriptions, the same 2 expiring in every measured
 *   block; the ratio shows that a block costs O(subscriptions expiring in it);
 * - the cost of one `subscribe` when 1,000 providers offer the type (O(offerings of type)).
 * The state commit into the in-memory test backend is not timed.
 */
const PRICE = DIN / 100n;
const EXPIRING_PER_BLOCK = 2;
const MEASURED_BLOCKS = 50;
const PROVIDER_ID = (i: number) => '0x' + i.toString(16).padStart(8, '0') + 'ab'.repeat(28);

function check(r: { ok: boolean; errorName?: string }): void {
  if (!r.ok) throw new Error(r.errorName);
}

function providers(h: Harness, count: number, capacity: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = PROVIDER_ID(i);
    check(h.root('Balances', 'force_set_balance', { who: { type: 'Id', value: p }, new_free: 1000n * DIN }));
    check(h.tx(p, 'Providers', 'register', { name: hex(`provider-${i}`), api_url: hex('https://p.example'), operator: p }));
    check(h.tx(p, 'Providers', 'set_offering', { type_id: 0, capacity, price_per_block: PRICE, regions: [], open: true }));
    out.push(p);
  }
  return out;
}

/** Writes `count` running subscriptions that expire far in the future straight into state. */
function backgroundSubscriptions(h: Harness, provider: string, subscriber: string, count: number): void {
  const env = new Env(h.runtime, h.backend, h.block);
  const first = S.NextSubscriptionId.get(env.state) ?? 0n;
  const deposit = PRICE * 1_000_000n;
  for (let i = 0; i < count; i++) {
    const id = first + BigInt(i);
    const expires = 2_000_000 + i;
    const sub: SubscriptionValue = {
      subscriber, target: { type: 'Selector', value: { type_id: 0, providers: undefined, region: undefined } },
      descriptor_cid: CID, max_price_per_block: PRICE, provider, price_per_block: PRICE, deposit,
      status: { type: 'Running', value: { endpoints: [hex('wss://x')] } }, created_at: 1, awarded_at: 1,
      ack_deadline: undefined, settled_to: expires - 1_000_000, expires_at: expires, funds_low_at: expires - 100,
      excluded: [], terminated_at: undefined, last_loss: undefined,
    };
    S.Subscriptions.set(env.state, id, sub);
    S.SubscriptionsByProvider.set(env.state, provider, id, null);
    S.SubscriptionsBySubscriber.set(env.state, subscriber, id, null);
    S.Agenda.set(env.state, expires, id, { type: 'Expire' });
    S.Agenda.set(env.state, expires - 100, id, { type: 'FundsLow' });
  }
  S.NextSubscriptionId.set(env.state, first + BigInt(count));
  const o = PS.Offerings.get(env.state, provider, 0)!;
  PS.Offerings.set(env.state, provider, 0, { ...o, capacity: o.capacity + count, used: o.used + count });
  const info = PS.Providers.get(env.state, provider)!;
  PS.Providers.set(env.state, provider, { ...info, live_subscriptions: info.live_subscriptions + count });
  const acc = SystemStorage.Account.get(env.state, subscriber)!;
  acc.data.reserved += deposit * BigInt(count);
  SystemStorage.Account.set(env.state, subscriber, acc);
  // The open block (only its Timestamp inherent so far) reads through to the backend.
  h.backend.apply(env.changes());
}

async function blockTime(live: number): Promise<{ median: number; mean: number }> {
  const subscriber = account(21);
  const h = Harness.create({ balances: [[subscriber, 10_000_000_000n * DIN]] });
  const [p] = providers(h, 1, EXPIRING_PER_BLOCK * MEASURED_BLOCKS);
  const expiring = EXPIRING_PER_BLOCK * MEASURED_BLOCKS;
  h.nextBlock();
  // The expiring subscriptions, through real calls: Running from block b0, expiring at b0 + 100 + j.
  const b0 = h.block;
  for (let j = 0; j < expiring; j++) {
    const blocks = 100n + BigInt(Math.floor(j / EXPIRING_PER_BLOCK));
    const r = h.tx(subscriber, 'Subscriptions', 'subscribe', {
      target: { type: 'Provider', value: { provider: p, type_id: 0 } }, descriptor_cid: CID, deposit: PRICE * blocks, max_price_per_block: PRICE,
    });
    check(r);
    const id = BigInt(j);
    check(h.tx(p!, 'Subscriptions', 'report_status', { id, report: { type: 'Provisioning' } }));
    check(h.tx(p!, 'Subscriptions', 'report_status', { id, report: { type: 'Running', value: { endpoints: [hex('wss://x')] } } }));
  }
  h.nextBlock();
  if (live > expiring) backgroundSubscriptions(h, p!, subscriber, live - expiring);
  h.advanceTo(b0 + 99);
  const times: number[] = [];
  for (let i = 0; i < MEASURED_BLOCKS; i++) {
    let total = 0;
    const t = performance.now();
    h.executive.finalizeBlock(h.env);
    const changes = h.env.changes();
    total += performance.now() - t;
    h.backend.apply(changes);
    const n = h.block + 1;
    const t2 = performance.now();
    h.env = h.executive.beginBlock(h.backend, n, '0x' + '33'.repeat(32));
    const terminated = h.events('Subscriptions').filter((e) => (e.event.value as { type: string }).type === 'Terminated').length;
    total += performance.now() - t2;
    if (terminated !== EXPIRING_PER_BLOCK) throw new Error(`block ${n}: ${terminated} expiries, expected ${EXPIRING_PER_BLOCK}`);
    // The Timestamp inherent, as every block has it.
    const ts = h.runtime.callCodec.dec(h.runtime.callCodec.enc({ type: 'Timestamp', value: { type: 'set', value: { now: BigInt(n) * 6000n } } }));
    const t4 = performance.now();
    h.runtime.dispatch(h.env, { type: 'None' }, ts);
    total += performance.now() - t4;
    times.push(total);
  }
  // The median: a block's own work, without the garbage-collection pauses that a larger heap
  // brings to whichever block they happen to fall in (the mean is reported too).
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1]!, mean: times.reduce((a, b) => a + b, 0) / times.length };
}

async function subscribeCost(providerCount: number): Promise<number> {
  const subscriber = account(21);
  const h = Harness.create({ balances: [[subscriber, 1_000_000n * DIN]] });
  providers(h, providerCount, 1000);
  h.nextBlock();
  const runs = 50;
  const t = performance.now();
  for (let i = 0; i < runs; i++) {
    check(h.tx(subscriber, 'Subscriptions', 'subscribe', {
      target: { type: 'Selector', value: { type_id: 0, providers: undefined, region: undefined } }, descriptor_cid: CID, deposit: DIN, max_price_per_block: PRICE,
    }));
  }
  return (performance.now() - t) / runs;
}

export async function benchSubscriptions(): Promise<Array<{ name: string; value: number; unit: string }>> {
  await blockTime(100); // warm-up (JIT), not reported
  const small = await blockTime(100);
  const large = await blockTime(100_000);
  const subscribe = await subscribeCost(1000);
  return [
    { name: 'subscriptions: block time (median), 100 live subscriptions (2 expiring per block)', value: small.median, unit: 'ms' },
    { name: 'subscriptions: block time (median), 100,000 live subscriptions (2 expiring per block)', value: large.median, unit: 'ms' },
    { name: 'subscriptions: block time ratio 100,000 / 100, medians (goal <= 1.2)', value: large.median / small.median, unit: 'x' },
    { name: 'subscriptions: block time ratio 100,000 / 100, means (incl. GC pauses)', value: large.mean / small.mean, unit: 'x' },
    { name: 'subscriptions: subscribe with 1,000 providers offering the type', value: subscribe, unit: 'ms' },
  ];
}
