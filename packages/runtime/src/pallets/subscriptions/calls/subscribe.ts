import { Balance, Bytes } from '../../../framework/common-types.ts';
import { ensureSigned } from '../../../framework/runtime.ts';
import type { CallDef } from '../../../framework/pallet.ts';
import { reserve } from '../../currency.ts';
import { isCid } from '../../providers/cid.ts';
import { MAX_OFFERINGS_PER_TYPE, MAX_REGION_LEN } from '../../providers/constants.ts';
import { byteLen } from '../../providers/util.ts';
import { chooseOffering } from '../award.ts';
import { MAX_ALLOW_LIST, MINIMUM_DEPOSIT } from '../constants.ts';
import { subscriptionsError } from '../errors.ts';
import { emitSubscriptions } from '../events.ts';
import { assign } from '../lifecycle.ts';
import { SubscriptionsStorage as S } from '../storage.ts';
import { Target, type SubscriptionValue, type TargetValue } from '../types.ts';

interface SubscribeArgs {
  target: TargetValue;
  descriptor_cid: string;
  deposit: bigint;
  max_price_per_block: bigint;
}

function checkTarget(t: TargetValue): void {
  if (t.type !== 'Selector') return;
  if (t.value.providers !== undefined && t.value.providers.length > MAX_ALLOW_LIST) throw subscriptionsError('TooManyAllowedProviders');
  if (t.value.region !== undefined) {
    const len = byteLen(t.value.region);
    if (len < 1 || len > MAX_REGION_LEN) throw subscriptionsError('BadRegion');
  }
}

/** ref_time of examining one offering during the award (measured: ~25 µs per offering). */
export const WEIGHT_PER_OFFERING = 25_000_000n;

/**
 * Worst-case weight, as FRAME charges it: the award reads one offering for a named provider,
 * at most the allow-list for a selector with one, else every offering of the type.
 */
export function subscribeWeight(a: SubscribeArgs): bigint {
  const t = a.target;
  const considered = t.type === 'Provider' ? 1 : t.value.providers ? t.value.providers.length : MAX_OFFERINGS_PER_TYPE;
  return 2_000_000_000n + WEIGHT_PER_OFFERING * BigInt(considered);
}

export const subscribe: CallDef<SubscribeArgs> = {
  index: 0,
  args: [
    ['target', Target, 'Target<T::AccountId>'],
    ['descriptor_cid', Bytes, 'Vec<u8>'],
    ['deposit', Balance, 'BalanceOf<T>'],
    ['max_price_per_block', Balance, 'BalanceOf<T>'],
  ],
  weight: subscribeWeight,
  docs: [
    ' Subscribes to a deployment: awards it at once to the best offering that fits (see the',
    ' spec for the order) and reserves `deposit`. Fails with the reason when nothing fits.',
  ],
  handler: (env, origin, a) => {
    const who = ensureSigned(origin);
    if (!isCid(a.descriptor_cid)) throw subscriptionsError('InvalidCid');
    if (a.deposit < MINIMUM_DEPOSIT) throw subscriptionsError('DepositBelowMinimum');
    checkTarget(a.target);
    const award = chooseOffering(env, a.target, a.max_price_per_block, []);
    reserve(env, who, a.deposit);
    const id = S.NextSubscriptionId.get(env.state) ?? 0n;
    S.NextSubscriptionId.set(env.state, id + 1n);
    const sub: SubscriptionValue = {
      subscriber: who,
      target: a.target,
      descriptor_cid: a.descriptor_cid,
      max_price_per_block: a.max_price_per_block,
      provider: award.provider,
      price_per_block: award.price,
      deposit: a.deposit,
      status: { type: 'Awarded' },
      created_at: env.blockNumber,
      awarded_at: env.blockNumber,
      ack_deadline: undefined,
      settled_to: undefined,
      expires_at: undefined,
      funds_low_at: undefined,
      excluded: [],
      terminated_at: undefined,
      last_loss: undefined,
    };
    S.SubscriptionsBySubscriber.set(env.state, who, id, null);
    emitSubscriptions(env, 'Subscribed', { id, subscriber: who, type_id: a.target.value.type_id, deposit: a.deposit });
    assign(env, id, sub, award);
    S.Subscriptions.set(env.state, id, sub);
  },
};
