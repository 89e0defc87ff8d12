import { T } from '../../scale/type-desc.ts';
import { AccountId32, Balance, BlockNumber } from '../../framework/common-types.ts';
import type { EventDef } from '../../framework/pallet.ts';
import type { Env } from '../../framework/env.ts';
import { TypeId } from '../providers/types.ts';
import { LossCause, SubscriptionId, SubscriptionStatus, TerminationReason } from './types.ts';

/** Events of the Subscriptions pallet, in index order. */
export const SUBSCRIPTIONS_EVENTS: Record<string, EventDef> = {
  Subscribed: {
    fields: [['id', SubscriptionId], ['subscriber', AccountId32], ['type_id', TypeId], ['deposit', Balance]],
    docs: [' A subscription was created and its deposit reserved.'],
  },
  Awarded: {
    fields: [['id', SubscriptionId], ['provider', AccountId32], ['price_per_block', Balance], ['ack_deadline', BlockNumber]],
    docs: [' A subscription was awarded to a provider, which must report Provisioning before `ack_deadline`.'],
  },
  AwardLost: {
    fields: [['id', SubscriptionId], ['provider', AccountId32], ['cause', LossCause]],
    docs: [' A provider lost the award: no Provisioning report in time, or a Failed report (its reason in `cause`).'],
  },
  StatusChanged: {
    fields: [['id', SubscriptionId], ['provider', AccountId32], ['status', SubscriptionStatus]],
    docs: [' The assigned provider reported a new status.'],
  },
  BillingStarted: {
    fields: [['id', SubscriptionId], ['from', BlockNumber], ['expires_at', T.option(BlockNumber)]],
    docs: [' Billing started (first Running report of this award); `expires_at` is None for free offerings.'],
  },
  Settled: {
    fields: [['id', SubscriptionId], ['provider', AccountId32], ['amount', Balance], ['settled_to', BlockNumber]],
    docs: [' `amount` was paid from the deposit to the provider for the blocks up to `settled_to`.'],
  },
  ToppedUp: {
    fields: [['id', SubscriptionId], ['amount', Balance], ['deposit', Balance], ['expires_at', T.option(BlockNumber)]],
    docs: [' The deposit was increased; `deposit` is the new unsettled deposit.'],
  },
  FundsLow: {
    fields: [['id', SubscriptionId], ['remaining', Balance], ['expires_at', BlockNumber]],
    docs: [' The deposit runs out at `expires_at`, LowFundsWarning blocks (or fewer) from now.'],
  },
  Terminated: {
    fields: [['id', SubscriptionId], ['provider', AccountId32], ['reason', TerminationReason], ['refund', Balance]],
    docs: [' The subscription ended; `refund` was returned to the subscriber.'],
  },
  Purged: { fields: [['id', SubscriptionId]], docs: [' A terminated subscription was removed from storage.'] },
};

export function emitSubscriptions(env: Env, name: string, data: Record<string, unknown>): void {
  env.depositEvent({ type: 'Subscriptions', value: { type: name, value: data } });
}
