import type { Env } from '../../framework/env.ts';
import { DispatchFailure } from '../../framework/dispatch-error.ts';
import { unreserve } from '../currency.ts';
import { ProvidersStorage as PS } from '../providers/storage.ts';
import { schedule, unscheduleAll } from './agenda.ts';
import { chooseOffering, type Award } from './award.ts';
import { stopBilling } from './billing.ts';
import { ACK_TIMEOUT, MAX_AWARD_ATTEMPTS, TERMINATED_RETENTION } from './constants.ts';
import { emitSubscriptions } from './events.ts';
import { SubscriptionsStorage as S } from './storage.ts';
import type { LossCauseValue, SubscriptionValue, TerminationReasonName } from './types.ts';

/** Gives the award to `award.provider`: capacity and counters up, Awarded, ack deadline scheduled. */
export function assign(env: Env, id: bigint, sub: SubscriptionValue, award: Award): void {
  const typeId = sub.target.value.type_id;
  const offering = PS.Offerings.get(env.state, award.provider, typeId)!;
  offering.used += 1;
  PS.Offerings.set(env.state, award.provider, typeId, offering);
  const info = PS.Providers.get(env.state, award.provider)!;
  info.live_subscriptions += 1;
  PS.Providers.set(env.state, award.provider, info);
  S.SubscriptionsByProvider.set(env.state, award.provider, id, null);
  const now = env.blockNumber;
  sub.provider = award.provider;
  sub.price_per_block = award.price;
  sub.status = { type: 'Awarded' };
  sub.awarded_at = now;
  sub.ack_deadline = now + ACK_TIMEOUT;
  schedule(env, sub.ack_deadline, id, 'AckTimeout');
  emitSubscriptions(env, 'Awarded', { id, provider: award.provider, price_per_block: award.price, ack_deadline: sub.ack_deadline });
}

/** Takes the award back from the assigned provider: settles, frees capacity, clears the agenda. */
function unassign(env: Env, id: bigint, sub: SubscriptionValue): void {
  stopBilling(env, id, sub, env.blockNumber);
  unscheduleAll(env, id, sub);
  const typeId = sub.target.value.type_id;
  const offering = PS.Offerings.get(env.state, sub.provider, typeId)!;
  offering.used -= 1;
  PS.Offerings.set(env.state, sub.provider, typeId, offering);
  const info = PS.Providers.get(env.state, sub.provider)!;
  info.live_subscriptions -= 1;
  PS.Providers.set(env.state, sub.provider, info);
  S.SubscriptionsByProvider.remove(env.state, sub.provider, id);
}

/** Refunds the unspent deposit, marks the subscription Terminated, schedules its purge. */
function finish(env: Env, id: bigint, sub: SubscriptionValue, reason: TerminationReasonName): void {
  const refund = sub.deposit;
  if (refund > 0n) unreserve(env, sub.subscriber, refund);
  sub.deposit = 0n;
  sub.status = { type: 'Terminated', value: { reason: { type: reason } } };
  sub.terminated_at = env.blockNumber;
  S.SubscriptionsBySubscriber.remove(env.state, sub.subscriber, id);
  schedule(env, env.blockNumber + TERMINATED_RETENTION, id, 'Purge');
  S.Subscriptions.set(env.state, id, sub);
  emitSubscriptions(env, 'Terminated', { id, provider: sub.provider, reason: { type: reason }, refund });
}

/** Terminates a live subscription: settle, free capacity, refund the rest. */
export function terminate(env: Env, id: bigint, sub: SubscriptionValue, reason: TerminationReasonName): void {
  unassign(env, id, sub);
  finish(env, id, sub, reason);
}

/**
 * The assigned provider loses the award (AckTimeout or Failed): it is excluded, the loss is
 * kept in `last_loss`, and the subscription goes to the next offering that fits, else it is
 * terminated with a refund.
 */
export function loseAward(env: Env, id: bigint, sub: SubscriptionValue, cause: LossCauseValue): void {
  const lost = sub.provider;
  unassign(env, id, sub);
  emitSubscriptions(env, 'AwardLost', { id, provider: lost, cause });
  sub.excluded = [...sub.excluded, lost];
  sub.last_loss = { provider: lost, at: env.blockNumber, cause };
  let award: Award | undefined;
  if (sub.excluded.length < MAX_AWARD_ATTEMPTS) {
    try {
      award = chooseOffering(env, sub.target, sub.max_price_per_block, sub.excluded);
    } catch (e) {
      if (!(e instanceof DispatchFailure)) throw e;
    }
  }
  if (award) {
    assign(env, id, sub, award);
    S.Subscriptions.set(env.state, id, sub);
    return;
  }
  const reason: TerminationReasonName =
    cause.type === 'Failed' ? 'ProviderFailed' : sub.target.type === 'Provider' ? 'ProviderTimeout' : 'NoProvider';
  finish(env, id, sub, reason);
}
