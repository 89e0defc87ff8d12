import type { Env } from '../../framework/env.ts';
import { subscriptionsError } from './errors.ts';
import { SubscriptionsStorage as S } from './storage.ts';
import { isLive, type SubscriptionValue } from './types.ts';

/** The live subscription `id`, or UnknownSubscription / AlreadyTerminated. */
export function mustLive(env: Env, id: bigint): SubscriptionValue {
  const sub = S.Subscriptions.get(env.state, id);
  if (!sub) throw subscriptionsError('UnknownSubscription');
  if (!isLive(sub)) throw subscriptionsError('AlreadyTerminated');
  return sub;
}
