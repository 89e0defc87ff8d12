import type { Env } from '../../framework/env.ts';
import { SubscriptionsStorage as S } from './storage.ts';
import type { AgendaKindName, SubscriptionValue } from './types.ts';

export function schedule(env: Env, block: number, id: bigint, kind: AgendaKindName): void {
  S.Agenda.set(env.state, block, id, { type: kind });
}

export function unschedule(env: Env, block: number | undefined, id: bigint): void {
  if (block !== undefined) S.Agenda.remove(env.state, block, id);
}

/** Removes every pending agenda entry of a live subscription and clears its pointers. */
export function unscheduleAll(env: Env, id: bigint, sub: SubscriptionValue): void {
  unschedule(env, sub.ack_deadline, id);
  unschedule(env, sub.expires_at, id);
  unschedule(env, sub.funds_low_at, id);
  sub.ack_deadline = undefined;
  sub.expires_at = undefined;
  sub.funds_low_at = undefined;
}

/** The entries of block `n`, removed from storage, in ascending subscription id order. */
export function takeAgenda(env: Env, n: number): Array<[bigint, AgendaKindName]> {
  const entries = S.Agenda.entries(env.state, n).map(([[, id], kind]) => [id, kind.type] as [bigint, AgendaKindName]);
  for (const [id] of entries) S.Agenda.remove(env.state, n, id);
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
