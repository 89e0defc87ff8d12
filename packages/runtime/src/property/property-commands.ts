import fc from 'fast-check';
import { DIN } from '../testing/fixtures.ts';
import type { Harness } from '../testing/harness.ts';
import { account, CID, hex } from '../testing/fixtures.ts';
import { SubscriptionsStorage as S } from '../pallets/subscriptions/storage.ts';
import type { MoneyAction } from './property-ledger.ts';

/**
 * The commands of the fast-check model of the marketplace: random sequences of calls and block
 * advances. A third of the steps are whole life cycles (subscribe → Provisioning → Running →
 * advance), so that sequences bill, settle and run out of funds. property-model.ts runs them
 * with its invariants and ledger; the conformance vectors record fixed-seed sequences of them
 * (so nothing here imports vitest).
 */
export const PROVIDERS = [account(1), account(2), account(3)];
const OPERATOR = account(9);
const SUBSCRIBERS = [account(21), account(22), account(23)];
/** Every account of the model (funded with 1,000 DIN at genesis). */
export const ALL = [...PROVIDERS, OPERATOR, ...SUBSCRIBERS];
const PRICES = [0n, DIN / 100n, DIN / 20n, DIN / 5n];

export type Cmd =
  | { k: 'subscribe'; who: number; target: number; type: number; deposit: bigint; max: number }
  | { k: 'report'; actor: number; id: number; status: number }
  | { k: 'topUp'; who: number; id: number; amount: bigint }
  | { k: 'terminate'; actor: number; id: number }
  | { k: 'settle'; id: number }
  | { k: 'offer'; p: number; type: number; capacity: number; price: number; open: boolean }
  | { k: 'close'; p: number; type: number }
  | { k: 'pause' | 'resume' | 'deregister' | 'register'; p: number }
  | { k: 'advance'; n: number };

const idx = (n: number) => fc.integer({ min: 0, max: n - 1 });
const blocks = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 3 }, { arbitrary: fc.integer({ min: 18, max: 24 }), weight: 1 });
export const command: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('subscribe' as const), who: idx(3), target: idx(4), type: idx(2), deposit: fc.bigInt({ min: DIN - 1n, max: 3n * DIN }), max: idx(4) }), weight: 5 },
  { arbitrary: fc.record({ k: fc.constant('report' as const), actor: idx(5), id: idx(8), status: idx(8) }), weight: 8 },
  { arbitrary: fc.record({ k: fc.constant('topUp' as const), who: idx(3), id: idx(8), amount: fc.bigInt({ min: 0n, max: 2n * DIN }) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('terminate' as const), actor: idx(6), id: idx(8) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('settle' as const), id: idx(8) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('offer' as const), p: idx(3), type: idx(2), capacity: fc.integer({ min: 0, max: 3 }), price: idx(4), open: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('close' as const), p: idx(3), type: idx(2) }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constantFrom('pause' as const, 'resume' as const, 'deregister' as const, 'register' as const), p: idx(3) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('advance' as const), n: blocks }), weight: 4 },
);

/**
 * A whole life cycle: subscribe (to an offering that bills, mostly), the assigned provider
 * reports Provisioning then Running (id 0 is the newest subscription, status 0 the natural
 * next one), then blocks pass, often past the deposit (1-3 DIN at 0.05 or 0.2 DIN a block),
 * and half the time anyone settles.
 */
export const lifeCycle: fc.Arbitrary<Cmd[]> = fc
  .record({
    who: idx(3),
    aim: fc.oneof(
      { arbitrary: fc.constant({ target: 3, type: 0 }), weight: 3 }, // Provider p1, substrate-node: 0.05 DIN a block
      { arbitrary: fc.constant({ target: 1, type: 1 }), weight: 3 }, // allow-list [p0, p2], rpc-endpoint: p0 at 0.2 DIN a block
      { arbitrary: fc.constant({ target: 3, type: 1 }), weight: 1 }, // Provider p1, rpc-endpoint: 0.01 DIN a block
      { arbitrary: fc.constant({ target: 0, type: 0 }), weight: 1 }, // anyone, substrate-node: the free one first
    ),
    settle: fc.boolean(),
    deposit: fc.bigInt({ min: DIN - 1n, max: 3n * DIN }),
    n: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 6 }), weight: 3 }, { arbitrary: fc.integer({ min: 6, max: 16 }), weight: 2 }, { arbitrary: fc.integer({ min: 16, max: 32 }), weight: 1 }),
  })
  .map(({ who, aim, deposit, n, settle }): Cmd[] => [
    { k: 'subscribe', who, target: aim.target, type: aim.type, deposit, max: 3 },
    { k: 'report', actor: 0, id: 0, status: 0 },
    { k: 'report', actor: 0, id: 0, status: 0 },
    { k: 'advance', n },
    ...(settle ? [{ k: 'settle' as const, id: 0 }] : []),
  ]);

/** A random sequence: single steps and whole life cycles, 1 to 16 steps. */
export const sequence: fc.Arbitrary<Cmd[]> = fc
  .array(fc.oneof({ arbitrary: command.map((c) => [c]), weight: 2 }, { arbitrary: lifeCycle, weight: 1 }), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.flat().slice(0, 16));

/** [provider, type, capacity, price index] offered before the random steps. */
const SETUP_OFFERINGS: Array<[number, number, number, number]> = [[0, 0, 2, 1], [1, 0, 3, 2], [2, 0, 2, 0], [0, 1, 1, 3], [1, 1, 2, 1]];

const STATUSES = ['Provisioning', 'Running', 'Degraded', 'Failed', 'Running2'];

/** Runs one step (not `advance`); returns the money actions it took (the ledger follows them). */
export function apply(h: Harness, c: Cmd): MoneyAction[] {
  const next = Number(S.NextSubscriptionId.get(h.state) ?? 0n);
  // Half the picks go to the newest subscription, so that life cycles get far.
  const id = (i: number) => BigInt(next === 0 ? i : i < 4 ? next - 1 : i % next);
  const actors = [...PROVIDERS, OPERATOR, ...SUBSCRIBERS];
  switch (c.k) {
    case 'subscribe': {
      const targets = [
        { type: 'Selector', value: { type_id: c.type, providers: undefined, region: undefined } },
        { type: 'Selector', value: { type_id: c.type, providers: [PROVIDERS[0], PROVIDERS[2]], region: undefined } },
        { type: 'Selector', value: { type_id: c.type, providers: undefined, region: hex('eu') } },
        { type: 'Provider', value: { provider: PROVIDERS[1], type_id: c.type } },
      ];
      const r = h.tx(SUBSCRIBERS[c.who]!, 'Subscriptions', 'subscribe', { target: targets[c.target], descriptor_cid: CID, deposit: c.deposit, max_price_per_block: PRICES[c.max]! });
      return [{ k: 'subscribe', id: BigInt(next), deposit: c.deposit, ok: r.ok }];
    }
    case 'report': {
      const cur = S.Subscriptions.get(h.state, id(c.id))?.status.type ?? 'Awarded';
      const natural = ({ Awarded: 'Provisioning', Provisioning: 'Running', Running: 'Degraded', Degraded: 'Running2' } as Record<string, string>)[cur] ?? 'Failed';
      const s = c.status < 3 ? natural : STATUSES[c.status - 3]!;
      const report = s.startsWith('Running') ? { type: 'Running', value: { endpoints: [hex(s)] } } : s === 'Failed' ? { type: s, value: { reason: hex('failed') } } : { type: s };
      const assigned = S.Subscriptions.get(h.state, id(c.id))?.provider ?? PROVIDERS[0]!;
      const actor = c.actor < 3 ? assigned : c.actor === 3 ? OPERATOR : SUBSCRIBERS[0]!;
      h.tx(actor, 'Subscriptions', 'report_status', { id: id(c.id), report });
      break;
    }
    case 'topUp': {
      const r = h.tx(SUBSCRIBERS[c.who]!, 'Subscriptions', 'top_up', { id: id(c.id), amount: c.amount });
      return [{ k: 'topUp', id: id(c.id), amount: c.amount, ok: r.ok }];
    }
    case 'terminate':
      h.tx(actors[c.actor + 1]!, 'Subscriptions', 'terminate', { id: id(c.id) });
      break;
    case 'settle': {
      const r = h.tx(OPERATOR, 'Subscriptions', 'settle', { id: id(c.id) });
      return [{ k: 'settle', id: id(c.id), ok: r.ok }];
    }
    case 'offer':
      h.tx(PROVIDERS[c.p]!, 'Providers', 'set_offering', {
        type_id: c.type, capacity: c.capacity, price_per_block: PRICES[c.price]!, regions: c.p === 1 ? [] : [hex('eu')], open: c.open,
      });
      break;
    case 'close':
      h.tx(PROVIDERS[c.p]!, 'Providers', 'close_offering', { type_id: c.type });
      break;
    case 'register':
      h.tx(PROVIDERS[c.p]!, 'Providers', 'register', { name: hex(`p${c.p}`), api_url: hex('https://x'), operator: c.p === 2 ? OPERATOR : PROVIDERS[c.p]! });
      break;
    case 'pause':
    case 'resume':
    case 'deregister':
      h.tx(PROVIDERS[c.p]!, 'Providers', c.k);
      break;
    case 'advance':
      throw new Error('advance is run block by block by runSequence');
  }
  return [];
}

/** The model's setup on a chain at genesis: in block 1 three providers registered, SETUP_OFFERINGS offered; block 2 open. */
export function setupModel(h: Harness): void {
  for (const p of PROVIDERS.keys()) apply(h, { k: 'register', p });
  for (const [p, type, capacity, price] of SETUP_OFFERINGS) apply(h, { k: 'offer', p, type, capacity, price, open: true });
  h.nextBlock();
}
