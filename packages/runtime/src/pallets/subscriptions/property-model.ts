import fc from 'fast-check';
import { expect } from 'vitest';
import { DIN } from '../../testing/fixtures.ts';
import { Harness } from '../../testing/harness.ts';
import { account, CID, hex } from '../../testing/fixtures.ts';
import { ProvidersStorage as PS } from '../providers/storage.ts';
import { SubscriptionsStorage as S } from './storage.ts';
import { isLive } from './types.ts';

/**
 * The fast-check model of the marketplace: random sequences of calls and block advances,
 * with the invariants of issue 3 checked after every step.
 */
const PROVIDERS = [account(1), account(2), account(3)];
const OPERATOR = account(9);
const SUBSCRIBERS = [account(21), account(22), account(23)];
const ALL = [...PROVIDERS, OPERATOR, ...SUBSCRIBERS];
const PRICES = [0n, DIN / 100n, DIN / 20n, DIN / 5n];

type Cmd =
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
export const command: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('subscribe' as const), who: idx(3), target: idx(4), type: idx(2), deposit: fc.bigInt({ min: DIN - 1n, max: 3n * DIN }), max: idx(4) }), weight: 5 },
  { arbitrary: fc.record({ k: fc.constant('report' as const), actor: idx(5), id: idx(8), status: idx(8) }), weight: 8 },
  { arbitrary: fc.record({ k: fc.constant('topUp' as const), who: idx(3), id: idx(8), amount: fc.bigInt({ min: 0n, max: 2n * DIN }) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('terminate' as const), actor: idx(6), id: idx(8) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('settle' as const), id: idx(8) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('offer' as const), p: idx(3), type: idx(2), capacity: fc.integer({ min: 0, max: 3 }), price: idx(4), open: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('close' as const), p: idx(3), type: idx(2) }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constantFrom('pause' as const, 'resume' as const, 'deregister' as const, 'register' as const), p: idx(3) }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('advance' as const), n: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 3 }, { arbitrary: fc.integer({ min: 18, max: 24 }), weight: 1 }) }), weight: 4 },
);

/** [provider, type, capacity, price index] offered before the random steps. */
const SETUP_OFFERINGS: Array<[number, number, number, number]> = [[0, 0, 2, 1], [1, 0, 3, 2], [2, 0, 2, 0], [0, 1, 1, 3], [1, 1, 2, 1]];

const STATUSES = ['Provisioning', 'Running', 'Degraded', 'Failed', 'Running2'];

function apply(h: Harness, c: Cmd): void {
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
      h.tx(SUBSCRIBERS[c.who]!, 'Subscriptions', 'subscribe', { target: targets[c.target], descriptor_cid: CID, deposit: c.deposit, max_price_per_block: PRICES[c.max]! });
      break;
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
    case 'topUp':
      h.tx(SUBSCRIBERS[c.who]!, 'Subscriptions', 'top_up', { id: id(c.id), amount: c.amount });
      break;
    case 'terminate':
      h.tx(actors[c.actor + 1]!, 'Subscriptions', 'terminate', { id: id(c.id) });
      break;
    case 'settle':
      h.tx(OPERATOR, 'Subscriptions', 'settle', { id: id(c.id) });
      break;
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
      h.advance(c.n);
      break;
  }
}

function checkInvariants(h: Harness, issuance: bigint, terminated: Set<bigint>): void {
  const st = h.state;
  expect(h.totalIssuance()).toBe(issuance);
  expect(ALL.reduce((sum, a) => sum + h.free(a) + h.reserved(a), 0n)).toBe(issuance);
  const subs = S.Subscriptions.entries(st);
  const expectedReserved = new Map<string, bigint>(ALL.map((a) => [a, PS.Providers.get(st, a)?.deposit ?? 0n]));
  const used = new Map<string, number>();
  const live = new Map<string, number>();
  for (const [[id], sub] of subs) {
    if (!isLive(sub)) {
      expect(sub.deposit).toBe(0n);
      expect(sub.settled_to).toBeUndefined();
      terminated.add(id);
      continue;
    }
    expect(terminated.has(id)).toBe(false);
    expectedReserved.set(sub.subscriber, (expectedReserved.get(sub.subscriber) ?? 0n) + sub.deposit);
    const key = `${sub.provider}/${sub.target.value.type_id}`;
    used.set(key, (used.get(key) ?? 0) + 1);
    live.set(sub.provider, (live.get(sub.provider) ?? 0) + 1);
    expect(S.SubscriptionsByProvider.contains(st, sub.provider, id)).toBe(true);
  }
  for (const a of ALL) expect(h.reserved(a)).toBe(expectedReserved.get(a));
  for (const p of PROVIDERS) {
    const info = PS.Providers.get(st, p);
    expect(info?.live_subscriptions ?? 0).toBe(live.get(p) ?? 0);
    for (const t of [0, 1]) expect(PS.Offerings.get(st, p, t)?.used ?? 0).toBe(used.get(`${p}/${t}`) ?? 0);
  }
}

let base: Harness | undefined;

/** Block 1: three providers registered, SETUP_OFFERINGS offered; block 2 open. */
function setup(): Harness {
  if (!base) {
    base = Harness.create({ balances: ALL.map((a) => [a, 1000n * DIN]) });
    for (const p of PROVIDERS.keys()) apply(base, { k: 'register', p });
    for (const [p, type, capacity, price] of SETUP_OFFERINGS) apply(base, { k: 'offer', p, type, capacity, price, open: true });
    base.nextBlock();
  }
  return base.fork();
}

/** Runs one random sequence from the setup chain, checking the invariants after every step. */
export function runSequence(cmds: Cmd[]): void {
  const h = setup();
  const issuance = h.totalIssuance();
  const terminated = new Set<bigint>();
  for (const c of cmds) {
    const mark = h.env.events.length;
    const blockBefore = h.block;
    apply(h, c);
    // No settlement of a subscription that was already terminated before this step.
    const fresh = h.block === blockBefore ? h.env.events.slice(mark) : h.env.events;
    for (const e of fresh) {
      const v = e.event.value as { type: string; value?: { id: bigint } };
      if (e.event.type === 'Subscriptions' && v.type === 'Settled') expect(terminated.has(v.value!.id)).toBe(false);
    }
    checkInvariants(h, issuance, terminated);
  }
}
