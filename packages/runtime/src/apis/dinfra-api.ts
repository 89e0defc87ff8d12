import { T } from '../scale/type-desc.ts';
import { AccountId32, Balance, BlockNumber, DispatchError } from '../framework/common-types.ts';
import { DispatchFailure } from '../framework/dispatch-error.ts';
import type { Env } from '../framework/env.ts';
import type { RuntimeApiDef } from '../framework/runtime-api.ts';
import type { StorageMap } from '../framework/storage.ts';
import { ProvidersStorage } from '../pallets/providers/storage.ts';
import { Offering, TypeId } from '../pallets/providers/types.ts';
import { chooseOffering } from '../pallets/subscriptions/award.ts';
import { expiryBlock, owedAt } from '../pallets/subscriptions/billing.ts';
import { MAX_PAGE } from '../pallets/subscriptions/constants.ts';
import { SubscriptionsStorage } from '../pallets/subscriptions/storage.ts';
import { Subscription, SubscriptionId, Target, type TargetValue } from '../pallets/subscriptions/types.ts';

const Page = T.seq(SubscriptionId);
const Quote = T.composite(['dinfra_runtime', 'apis', 'Quote'], [['provider', AccountId32], ['price_per_block', Balance]]);
const BillingInfo = T.composite(['dinfra_runtime', 'apis', 'BillingInfo'], [
  ['owed', Balance],
  ['remaining', Balance],
  ['settled_to', T.option(BlockNumber)],
  ['expires_at', T.option(BlockNumber)],
]);

/** Ids under `owner` in an index, ascending, after `startAfter`, at most `limit` (<= MaxPage). */
function page(env: Env, index: StorageMap<[string, bigint], null>, owner: string, startAfter: bigint | undefined, limit: number): bigint[] {
  const ids = index
    .entries(env.state, owner)
    .map(([[, id]]) => id)
    .filter((id) => startAfter === undefined || id > startAfter)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.slice(0, Math.min(limit, MAX_PAGE));
}

/** `DinfraApi`: queries for sidecars and the CLI (see runtime-specs/dinfra.md, "Runtime API"). */
export const dinfraApi: RuntimeApiDef = {
  name: 'DinfraApi',
  version: 1,
  docs: [' Marketplace queries: subscriptions by provider / subscriber (paged), billing, award quotes.'],
  methods: [
    {
      name: 'subscriptions_of_provider',
      inputs: [['provider', AccountId32], ['start_after', T.option(SubscriptionId)], ['limit', T.u32]],
      output: Page,
      docs: [' Live subscriptions awarded to `provider`, ascending ids greater than `start_after`, at most min(limit, 1000).'],
      execute: (env, [p, s, l]) => page(env, SubscriptionsStorage.SubscriptionsByProvider, p as string, s as bigint | undefined, l as number),
    },
    {
      name: 'subscriptions_of_subscriber',
      inputs: [['subscriber', AccountId32], ['start_after', T.option(SubscriptionId)], ['limit', T.u32]],
      output: Page,
      docs: [' Live subscriptions of `subscriber`, paged like subscriptions_of_provider.'],
      execute: (env, [p, s, l]) => page(env, SubscriptionsStorage.SubscriptionsBySubscriber, p as string, s as bigint | undefined, l as number),
    },
    {
      name: 'subscription',
      inputs: [['id', SubscriptionId]],
      output: T.option(Subscription),
      execute: (env, [id]) => SubscriptionsStorage.Subscriptions.get(env.state, id as bigint),
    },
    {
      name: 'billing',
      inputs: [['id', SubscriptionId]],
      output: T.option(BillingInfo),
      docs: [' What a settlement at this block would pay, what would remain, and the expiry block.'],
      execute: (env, [id]) => {
        const sub = SubscriptionsStorage.Subscriptions.get(env.state, id as bigint);
        if (!sub) return undefined;
        const owed = owedAt(sub, env.blockNumber);
        return { owed, remaining: sub.deposit - owed, settled_to: sub.settled_to, expires_at: expiryBlock(sub) };
      },
    },
    {
      name: 'offerings_of_type',
      inputs: [['type_id', TypeId]],
      output: T.seq(T.tuple(AccountId32, Offering)),
      docs: [' Every offering of a deployment type, in index order.'],
      execute: (env, [t]) =>
        (ProvidersStorage.OfferingsByType.get(env.state, t as number) ?? []).map((p) => [p, ProvidersStorage.Offerings.get(env.state, p, t as number)]),
    },
    {
      name: 'quote',
      inputs: [['target', Target], ['max_price_per_block', Balance]],
      output: T.result(Quote, DispatchError),
      docs: [' The offering `subscribe` would award now, or the error it would fail with.'],
      execute: (env, [target, max]) => {
        try {
          const a = chooseOffering(env, target as TargetValue, max as bigint, []);
          return { type: 'Ok', value: { provider: a.provider, price_per_block: a.price } };
        } catch (e) {
          if (e instanceof DispatchFailure) return { type: 'Err', value: e.error };
          throw e;
        }
      },
    },
  ],
};
