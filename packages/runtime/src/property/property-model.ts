import { Harness } from '../testing/harness.ts';
import { DIN } from '../testing/fixtures.ts';
import { ProvidersStorage as PS } from '../pallets/providers/storage.ts';
import { SubscriptionsStorage as S } from '../pallets/subscriptions/storage.ts';
import { isLive } from '../pallets/subscriptions/types.ts';
import { Ledger, same, type Reached } from './property-ledger.ts';
import { ALL, apply, PROVIDERS, setupModel, type Cmd } from './property-commands.ts';

/**
 * The fast-check model of the marketplace: random sequences of property-commands.ts, with the
 * invariants of issue 3 checked after every step, billing checked against an independent
 * ledger (property-ledger.ts) after every call and every block; runSequence reports what each
 * sequence reached.
 */
export { command, lifeCycle, sequence } from './property-commands.ts';

function checkInvariants(h: Harness, issuance: bigint, terminated: Set<bigint>): void {
  const st = h.state;
  same(h.totalIssuance(), issuance, 'total issuance');
  same(ALL.reduce((sum, a) => sum + h.free(a) + h.reserved(a), 0n), issuance, 'sum of balances');
  const subs = S.Subscriptions.entries(st);
  const expectedReserved = new Map<string, bigint>(ALL.map((a) => [a, PS.Providers.get(st, a)?.deposit ?? 0n]));
  const used = new Map<string, number>();
  const live = new Map<string, number>();
  for (const [[id], sub] of subs) {
    if (!isLive(sub)) {
      same(sub.deposit, 0n, `deposit of terminated #${id}`);
      same(sub.settled_to, undefined, `settled_to of terminated #${id}`);
      terminated.add(id);
      continue;
    }
    same(terminated.has(id), false, `#${id} live again after termination`);
    expectedReserved.set(sub.subscriber, (expectedReserved.get(sub.subscriber) ?? 0n) + sub.deposit);
    const key = `${sub.provider}/${sub.target.value.type_id}`;
    used.set(key, (used.get(key) ?? 0) + 1);
    live.set(sub.provider, (live.get(sub.provider) ?? 0) + 1);
    same(S.SubscriptionsByProvider.contains(st, sub.provider, id), true, `#${id} in SubscriptionsByProvider`);
  }
  for (const a of ALL) same(h.reserved(a), expectedReserved.get(a), `reserved of ${a}`);
  for (const p of PROVIDERS) {
    const info = PS.Providers.get(st, p);
    same(info?.live_subscriptions ?? 0, live.get(p) ?? 0, `live subscriptions of ${p}`);
    for (const t of [0, 1]) same(PS.Offerings.get(st, p, t)?.used ?? 0, used.get(`${p}/${t}`) ?? 0, `used capacity of ${p}/${t}`);
  }
}

let base: Harness | undefined;

function setup(): Harness {
  if (!base) {
    base = Harness.create({ balances: ALL.map((a) => [a, 1000n * DIN]) });
    setupModel(base);
  }
  return base.fork();
}

/** Settled events in the open block's events from `mark` on, for ids terminated before. */
function expectNoSettlementAfterTermination(h: Harness, mark: number, terminated: Set<bigint>): void {
  for (const e of h.env.events.slice(mark)) {
    const v = e.event.value as { type: string; value?: { id: bigint } };
    if (e.event.type === 'Subscriptions' && v.type === 'Settled') same(terminated.has(v.value!.id), false, `#${v.value!.id} settled after termination`);
  }
}

/** Whether the open block's events from `mark` on include any of the Subscriptions pallet. */
function subscriptionsEvents(h: Harness, mark: number): boolean {
  for (let i = mark; i < h.env.events.length; i++) if (h.env.events[i]!.event.type === 'Subscriptions') return true;
  return false;
}

/**
 * Runs one random sequence from the setup chain: the invariants after every step, the ledger
 * and "no settlement after termination" after every call and every block. Returns what the
 * sequence reached.
 */
export function runSequence(cmds: Cmd[]): Reached {
  const h = setup();
  const issuance = h.totalIssuance();
  const terminated = new Set<bigint>();
  const ledger = new Ledger(h, PROVIDERS);
  for (const c of cmds) {
    if (c.k === 'advance') {
      for (let i = 0; i < c.n; i++) {
        h.nextBlock();
        // Money moves and statuses change only with a Subscriptions event: a block without
        // one needs only the model's checks (this keeps 10,000 sequences fast).
        if (!subscriptionsEvents(h, 0)) {
          ledger.quietBlock(h);
          continue;
        }
        expectNoSettlementAfterTermination(h, 0, terminated);
        ledger.step(h);
        for (const e of h.env.events) {
          const v = e.event.value as { type: string; value?: { id: bigint } };
          if (e.event.type === 'Subscriptions' && v.type === 'Terminated') terminated.add(v.value!.id);
        }
      }
    } else {
      const mark = h.env.events.length;
      const actions = apply(h, c);
      expectNoSettlementAfterTermination(h, mark, terminated);
      ledger.step(h, actions);
    }
    checkInvariants(h, issuance, terminated);
  }
  return ledger.reached;
}
