import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { DIN } from '../../testing/fixtures.ts';
import { marketplace, named, offer, P1, P2, P3, registerProvider, S1, selector, subscribe, subscribedId, twoProviders } from '../../testing/marketplace.ts';
import { ProvidersStorage as PS } from '../providers/storage.ts';
import { SubscriptionsStorage as S } from './storage.ts';

/** Every storage write of the open block so far: key -> 0x-hex value (null for a removal). */
const writes = (h: { env: { changes(): Map<string, Uint8Array | null> } }) =>
  Object.fromEntries([...h.env.changes()].map(([k, v]) => [k, v === null ? null : u8aToHex(v)]));

const providerOf = (h: ReturnType<typeof marketplace>, id: bigint) => S.Subscriptions.get(h.state, id)!.provider;

describe('award order', () => {
  it('sends each subscription to the least-utilized provider', () => {
    const h = marketplace();
    twoProviders(h, { capacity: 4 });
    const ids = [0, 1, 2].map(() => subscribedId(subscribe(h, S1)));
    // Equal everything -> smaller account (P1), then P2 (P1 is at 1/4), then P1 again.
    expect(ids.map((id) => providerOf(h, id))).toEqual([P1, P2, P1]);
  });

  it('compares utilization as an exact fraction, before price', () => {
    const h = marketplace();
    registerProvider(h, P1, 'a');
    registerProvider(h, P2, 'b');
    offer(h, P1, { capacity: 3, price: 1n });
    offer(h, P2, { capacity: 10, price: 5n });
    subscribe(h, S1, named(P1));
    // P1 at 1/3, P2 at 0/10 -> P2 despite its price.
    expect(providerOf(h, subscribedId(subscribe(h, S1)))).toBe(P2);
    subscribe(h, S1, named(P2));
    subscribe(h, S1, named(P2));
    // P1 1/3 vs P2 3/10 -> P2 (0.3 < 0.333).
    expect(providerOf(h, subscribedId(subscribe(h, S1)))).toBe(P2);
  });

  it('ties on utilization go to the lower price, then fewer live subscriptions, then the smaller account', () => {
    const h = marketplace();
    for (const [p, n] of [[P1, 'a'], [P2, 'b'], [P3, 'c']] as const) registerProvider(h, p, n);
    offer(h, P1, { price: 9n });
    offer(h, P2, { price: 5n });
    offer(h, P3, { price: 5n });
    // P2 and P3 tie on price; P2 gets a live subscription of another type first.
    offer(h, P2, { typeId: 1 });
    subscribe(h, S1, selector(1));
    expect(providerOf(h, subscribedId(subscribe(h, S1)))).toBe(P3);
  });

  it('a named target goes to that provider only', () => {
    const h = marketplace();
    twoProviders(h);
    expect(providerOf(h, subscribedId(subscribe(h, S1, named(P2))))).toBe(P2);
    expect(subscribe(h, S1, named('0x' + '55'.repeat(32))).errorName).toBe('Subscriptions.UnknownProvider');
    expect(subscribe(h, S1, named(P2, 3)).errorName).toBe('Subscriptions.NoOfferingOfType');
  });

  it('honours the allow-list and the region', () => {
    const h = marketplace();
    registerProvider(h, P1, 'a');
    registerProvider(h, P2, 'b');
    offer(h, P1, { regions: ['eu-west'] });
    offer(h, P2, { regions: ['us-east', 'eu-west'] });
    subscribe(h, S1, selector(0, [P1]));
    expect(providerOf(h, subscribedId(subscribe(h, S1, selector(0, [P1]))))).toBe(P1);
    expect(providerOf(h, subscribedId(subscribe(h, S1, selector(0, undefined, 'us-east'))))).toBe(P2);
    expect(subscribe(h, S1, selector(0, [P1], 'us-east')).errorName).toBe('Subscriptions.NoOfferingInRegion');
    expect(subscribe(h, S1, selector(0, [P3])).errorName).toBe('Subscriptions.NoOfferingOfType');
  });
});

describe('subscribe errors say why and change nothing', () => {
  const cases: Array<[string, (h: ReturnType<typeof marketplace>) => ReturnType<typeof subscribe>]> = [
    ['UnknownDeploymentType', (h) => subscribe(h, S1, selector(42))],
    ['NoOfferingOfType', (h) => subscribe(h, S1, selector(2))],
    ['NoOfferingInRegion', (h) => subscribe(h, S1, selector(0, undefined, 'ap-south'))],
    ['AllOfferingsTooExpensive', (h) => subscribe(h, S1, selector(), 10n * DIN, DIN / 1000n)],
    ['DepositBelowMinimum', (h) => subscribe(h, S1, selector(), DIN - 1n)],
    ['TooManyAllowedProviders', (h) => subscribe(h, S1, selector(0, Array.from({ length: 17 }, () => P1)))],
    ['BadRegion', (h) => subscribe(h, S1, selector(0, undefined, ''))],
    ['InvalidCid', (h) => h.tx(S1, 'Subscriptions', 'subscribe', { target: selector(), descriptor_cid: '0x1234', deposit: 10n * DIN, max_price_per_block: DIN })],
  ];
  it.each(cases)('%s', (name, run) => {
    const h = marketplace();
    twoProviders(h);
    const before = writes(h);
    const reserved = h.reserved(S1);
    const r = run(h);
    expect(r.errorName).toBe(`Subscriptions.${name}`);
    expect(r.events).toEqual([]);
    expect(h.reserved(S1)).toBe(reserved);
    expect(writes(h)).toEqual(before); // the writes themselves, not just how many
    expect(S.NextSubscriptionId.get(h.state)).toBe(0n);
  });

  it('AllOfferingsFull once every affordable offering is full', () => {
    const h = marketplace();
    twoProviders(h, { capacity: 1 });
    subscribe(h, S1);
    subscribe(h, S1);
    expect(subscribe(h, S1).errorName).toBe('Subscriptions.AllOfferingsFull');
    expect(PS.Offerings.get(h.state, P1, 0)?.used).toBe(1);
  });

  it('insufficient balance for the deposit', () => {
    const h = marketplace();
    twoProviders(h);
    expect(subscribe(h, S1, selector(), 1_000_000n * DIN).errorName).toBe('Balances.InsufficientBalance');
  });

  it('free offerings need only the minimum deposit and never expire', () => {
    const h = marketplace();
    registerProvider(h, P1, 'a');
    offer(h, P1, { price: 0n });
    const id = subscribedId(subscribe(h, S1, selector(), DIN, 0n));
    expect(S.Subscriptions.get(h.state, id)?.price_per_block).toBe(0n);
    expect(h.reserved(S1)).toBe(DIN);
  });
});

describe('subscribe weight', () => {
  it('charges the worst case of the award: one offering, the allow-list, or every offering of the type', async () => {
    const { subscribeWeight, WEIGHT_PER_OFFERING } = await import('./calls/subscribe.ts');
    const { MAX_OFFERINGS_PER_TYPE } = await import('../providers/constants.ts');
    const base = { descriptor_cid: '0x', deposit: 0n, max_price_per_block: 0n };
    const named = subscribeWeight({ ...base, target: { type: 'Provider', value: { provider: '0x00', type_id: 0 } } } as never);
    const allow = subscribeWeight({ ...base, target: { type: 'Selector', value: { type_id: 0, providers: ['0x01', '0x02', '0x03'], region: undefined } } } as never);
    const open = subscribeWeight({ ...base, target: { type: 'Selector', value: { type_id: 0, providers: undefined, region: undefined } } } as never);
    expect(allow - named).toBe(2n * WEIGHT_PER_OFFERING);
    expect(open - named).toBe(BigInt(MAX_OFFERINGS_PER_TYPE - 1) * WEIGHT_PER_OFFERING);
  });
});
