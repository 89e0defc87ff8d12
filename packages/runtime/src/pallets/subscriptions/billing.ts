import type { Env } from '../../framework/env.ts';
import { repatriateReserved } from '../currency.ts';
import { schedule, unschedule } from './agenda.ts';
import { LOW_FUNDS_WARNING } from './constants.ts';
import { emitSubscriptions } from './events.ts';
import type { SubscriptionValue } from './types.ts';

const U32_MAX = 0xffff_ffff;

/** What the subscription owes its provider at block `now`: price * (now - settled_to), capped at the deposit. */
export function owedAt(sub: SubscriptionValue, now: number): bigint {
  if (sub.settled_to === undefined) return 0n;
  const owed = sub.price_per_block * BigInt(now - sub.settled_to);
  return owed < sub.deposit ? owed : sub.deposit;
}

/**
 * The block at which the deposit runs out: settled_to + ceil(deposit / price). Undefined when
 * not billing, for free offerings, or beyond the u32 block number range.
 */
export function expiryBlock(sub: SubscriptionValue): number | undefined {
  if (sub.settled_to === undefined || sub.price_per_block === 0n) return undefined;
  const blocks = (sub.deposit + sub.price_per_block - 1n) / sub.price_per_block;
  const e = BigInt(sub.settled_to) + blocks;
  return e > BigInt(U32_MAX) ? undefined : Number(e);
}

/** Pays what is owed at `now` from the reserved deposit to the provider; emits Settled. */
export function settle(env: Env, id: bigint, sub: SubscriptionValue, now: number): bigint {
  if (sub.settled_to === undefined) return 0n;
  const paid = owedAt(sub, now);
  if (paid > 0n) repatriateReserved(env, sub.subscriber, sub.provider, paid);
  sub.deposit -= paid;
  sub.settled_to = now;
  emitSubscriptions(env, 'Settled', { id, provider: sub.provider, amount: paid, settled_to: now });
  return paid;
}

/** Emits FundsLow at `now` for a billing subscription expiring at `expiresAt`. */
export function emitFundsLow(env: Env, id: bigint, sub: SubscriptionValue, now: number, expiresAt: number): void {
  emitSubscriptions(env, 'FundsLow', { id, remaining: sub.deposit - owedAt(sub, now), expires_at: expiresAt });
}

/**
 * (Re)computes the expiry of a billing subscription and its agenda entries: Expire at the
 * expiry block E, FundsLow at E - LowFundsWarning when that is after `now`, else FundsLow now.
 */
export function scheduleExpiry(env: Env, id: bigint, sub: SubscriptionValue, now: number): void {
  unschedule(env, sub.expires_at, id);
  unschedule(env, sub.funds_low_at, id);
  sub.expires_at = expiryBlock(sub);
  sub.funds_low_at = undefined;
  if (sub.expires_at === undefined) return;
  schedule(env, sub.expires_at, id, 'Expire');
  const warn = sub.expires_at - LOW_FUNDS_WARNING;
  if (warn > now) {
    sub.funds_low_at = warn;
    schedule(env, warn, id, 'FundsLow');
  } else {
    emitFundsLow(env, id, sub, now, sub.expires_at);
  }
}

/** Starts billing at `now` (first Running report of an award). */
export function startBilling(env: Env, id: bigint, sub: SubscriptionValue, now: number): void {
  sub.settled_to = now;
  emitSubscriptions(env, 'BillingStarted', { id, from: now, expires_at: expiryBlock(sub) });
  scheduleExpiry(env, id, sub, now);
}

/** Settles at `now` and stops billing (the award ends). */
export function stopBilling(env: Env, id: bigint, sub: SubscriptionValue, now: number): void {
  if (sub.settled_to === undefined) return;
  settle(env, id, sub, now);
  unschedule(env, sub.expires_at, id);
  unschedule(env, sub.funds_low_at, id);
  sub.settled_to = undefined;
  sub.expires_at = undefined;
  sub.funds_low_at = undefined;
}
