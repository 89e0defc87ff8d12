import { expect } from 'vitest';
import type { Harness } from '../testing/harness.ts';
import { SubscriptionsStorage as S } from '../pallets/subscriptions/storage.ts';
import { isLive } from '../pallets/subscriptions/types.ts';

/**
 * `expect(actual, what).toBe(expected)`, but vitest's expect is only called on a mismatch:
 * each expect() call costs bookkeeping, and these checks run on every block of 10,000 sequences.
 */
export function same<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) expect(actual, what).toBe(expected);
}

/** `expect(actual, what).toBeLessThan(bound)`, vitest's expect called only on a failure. */
function below(actual: number, bound: number, what: string): void {
  if (!(actual < bound)) expect(actual, what).toBeLessThan(bound);
}

/** A money action the model took, and whether the chain accepted it. */
export type MoneyAction =
  | { k: 'subscribe'; id: bigint; deposit: bigint; ok: boolean }
  | { k: 'topUp'; id: bigint; amount: bigint; ok: boolean }
  | { k: 'settle'; id: bigint; ok: boolean };

/** One award's billing, as the model sees it: price × blocks from `start`, out of `funds`. */
interface Period {
  provider: string;
  price: bigint;
  start: number;
  /** The deposit the period may bill (what was left when it opened, plus top-ups since). */
  funds: bigint;
  /** The last block settled up to (start, a settle call, or a top-up). */
  settledAt: number;
}

/** What one sequence reached (for the coverage floors). */
export interface Reached {
  billed: boolean;
  settledMoney: boolean;
  expired: boolean;
}

const billedAt = (p: Period, block: number): bigint => {
  const owed = p.price * BigInt(block - p.start);
  return owed < p.funds ? owed : p.funds;
};

/**
 * An independent model of billing: each provider's gain must equal the sum of price × billed
 * blocks (capped by the deposit), each deposit what is left of it, and a billing subscription
 * must run out of funds exactly at start + ceil(funds / price), not a block earlier or later.
 * Call `step` after every call and after every block.
 */
export class Ledger {
  readonly #remaining = new Map<bigint, bigint>();
  readonly #open = new Map<bigint, Period>();
  readonly #closed = new Map<string, bigint>();
  readonly #initial = new Map<string, bigint>();
  readonly reached: Reached = { billed: false, settledMoney: false, expired: false };

  constructor(
    h: Harness,
    readonly providers: string[],
  ) {
    for (const p of providers) this.#initial.set(p, h.free(p) + h.reserved(p));
  }

  /**
   * After a block in which no Subscriptions event happened: no money moved and no status
   * changed, so only the model's side needs checking: no billing period is past its expiry.
   */
  quietBlock(h: Harness): void {
    for (const [id, open] of this.#open) {
      if (open.price === 0n) continue;
      const expiry = open.start + Number((open.funds + open.price - 1n) / open.price);
      below(h.block, expiry, `#${id} still billing at ${h.block} (no event); it should have run out of funds at ${expiry}`);
    }
  }

  step(h: Harness, actions: MoneyAction[] = []): void {
    const now = h.block;
    for (const a of actions) {
      if (!a.ok) continue;
      const open = this.#open.get(a.id);
      if (a.k === 'subscribe') this.#remaining.set(a.id, a.deposit);
      if (a.k === 'settle' && open) open.settledAt = now;
      if (a.k === 'topUp') {
        this.#remaining.set(a.id, (this.#remaining.get(a.id) ?? 0n) + a.amount);
        if (open) {
          open.settledAt = now;
          open.funds += a.amount;
        }
      }
    }
    for (const [id, remaining] of this.#remaining) {
      const sub = S.Subscriptions.get(h.state, id);
      const live = sub !== undefined && isLive(sub);
      const billing = live && (sub.status.type === 'Running' || sub.status.type === 'Degraded');
      let open = this.#open.get(id);
      if (open && (!billing || sub!.provider !== open.provider)) {
        const expiry = open.price > 0n ? open.start + Number((open.funds + open.price - 1n) / open.price) : undefined;
        if (sub?.status.type === 'Terminated' && sub.status.value.reason.type === 'OutOfFunds') {
          same(now, expiry, `#${id} ran out of funds at ${now}, the model says at ${expiry}`);
          this.reached.expired = true;
        }
        const billed = billedAt(open, now);
        this.#closed.set(open.provider, (this.#closed.get(open.provider) ?? 0n) + billed);
        this.#remaining.set(id, remaining - billed);
        if (billed > 0n) this.reached.settledMoney = true;
        this.#open.delete(id);
        open = undefined;
      }
      if (!open && billing) {
        open = { provider: sub.provider, price: sub.price_per_block, start: now, funds: this.#remaining.get(id)!, settledAt: now };
        this.#open.set(id, open);
        this.reached.billed = true;
      }
      if (open) {
        if (open.price > 0n) {
          const expiry = open.start + Number((open.funds + open.price - 1n) / open.price);
          below(now, expiry, `#${id} still billing at ${now}; it should have run out of funds at ${expiry}`);
        }
        const paid = billedAt(open, open.settledAt);
        if (paid > 0n) this.reached.settledMoney = true;
        same(sub!.deposit, open.funds - paid, `deposit of #${id}`);
      } else if (live) {
        same(sub.deposit, this.#remaining.get(id), `deposit of #${id}`);
      }
    }
    for (const p of this.providers) {
      let expected = this.#closed.get(p) ?? 0n;
      for (const o of this.#open.values()) if (o.provider === p) expected += billedAt(o, o.settledAt);
      same(h.free(p) + h.reserved(p) - this.#initial.get(p)!, expected, `gain of provider ${p}`);
    }
  }
}
