import { T } from '../../scale/type-desc.ts';
import { storageFor } from '../../framework/storage.ts';
import { AccountId32, BlockNumber } from '../../framework/common-types.ts';
import { AgendaKind, Subscription, SubscriptionId, type AgendaKindName, type SubscriptionValue } from './types.ts';

const s = storageFor('Subscriptions');

/** Storage of the Subscriptions pallet; the hashers are part of the on-chain interface. */
export const SubscriptionsStorage = {
  Subscriptions: s.map<bigint, SubscriptionValue>('Subscriptions', 'Twox64Concat', SubscriptionId, Subscription, {
    docs: [' Subscriptions by id: live ones, and terminated ones until they are purged.'],
  }),
  NextSubscriptionId: s.value<bigint>('NextSubscriptionId', SubscriptionId, { default: 0n, docs: [' The id the next subscription gets.'] }),
  SubscriptionsByProvider: s.doubleMap<string, bigint, null>('SubscriptionsByProvider', ['Blake2_128Concat', 'Twox64Concat'], [AccountId32, SubscriptionId], T.unit, {
    docs: [' Live subscriptions awarded to a provider (iterate with the provider\'s key prefix).'],
  }),
  SubscriptionsBySubscriber: s.doubleMap<string, bigint, null>('SubscriptionsBySubscriber', ['Blake2_128Concat', 'Twox64Concat'], [AccountId32, SubscriptionId], T.unit, {
    docs: [' Live subscriptions of a subscriber.'],
  }),
  Agenda: s.doubleMap<number, bigint, { type: AgendaKindName }>('Agenda', ['Twox64Concat', 'Twox64Concat'], [BlockNumber, SubscriptionId], AgendaKind, {
    docs: [' What happens to which subscription at which block: at most one entry per (block, subscription).'],
  }),
};
