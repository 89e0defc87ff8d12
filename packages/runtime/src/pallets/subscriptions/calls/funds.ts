import { Balance } from '../../../framework/common-types.ts';
import { ensureSigned } from '../../../framework/runtime.ts';
import type { CallDef } from '../../../framework/pallet.ts';
import { reserve } from '../../currency.ts';
import { actsFor } from '../../providers/util.ts';
import { expiryBlock, scheduleExpiry, settle } from '../billing.ts';
import { subscriptionsError } from '../errors.ts';
import { emitSubscriptions } from '../events.ts';
import { terminate } from '../lifecycle.ts';
import { mustLive } from '../load.ts';
import { SubscriptionsStorage as S } from '../storage.ts';
import { SubscriptionId } from '../types.ts';

export const topUp: CallDef<{ id: bigint; amount: bigint }> = {
  index: 2,
  args: [['id', SubscriptionId, 'SubscriptionId'], ['amount', Balance, 'BalanceOf<T>']],
  weight: 500_000_000n,
  docs: [' The subscriber adds `amount` to the deposit (settling first when billing), pushing the expiry out.'],
  handler: (env, origin, a) => {
    const who = ensureSigned(origin);
    const sub = mustLive(env, a.id);
    if (sub.subscriber !== who) throw subscriptionsError('NotSubscriber');
    if (a.amount === 0n) throw subscriptionsError('ZeroAmount');
    reserve(env, who, a.amount);
    const now = env.blockNumber;
    const billing = sub.settled_to !== undefined;
    if (billing) settle(env, a.id, sub, now);
    sub.deposit += a.amount;
    emitSubscriptions(env, 'ToppedUp', { id: a.id, amount: a.amount, deposit: sub.deposit, expires_at: expiryBlock(sub) });
    if (billing) scheduleExpiry(env, a.id, sub, now);
    S.Subscriptions.set(env.state, a.id, sub);
  },
};

export const terminateCall: CallDef<{ id: bigint }> = {
  index: 3,
  args: [['id', SubscriptionId, 'SubscriptionId']],
  weight: 800_000_000n,
  docs: [
    ' Ends a subscription: by the subscriber (BySubscriber) or by the assigned provider or its',
    ' operator (ByProvider). Settles what is owed and refunds the rest of the deposit.',
  ],
  handler: (env, origin, a) => {
    const who = ensureSigned(origin);
    const sub = mustLive(env, a.id);
    let reason: 'BySubscriber' | 'ByProvider';
    if (who === sub.subscriber) reason = 'BySubscriber';
    else if (actsFor(env, who, sub.provider)) reason = 'ByProvider';
    else throw subscriptionsError('NotAllowed');
    terminate(env, a.id, sub, reason);
  },
};

export const settleCall: CallDef<{ id: bigint }> = {
  index: 4,
  args: [['id', SubscriptionId, 'SubscriptionId']],
  weight: 400_000_000n,
  docs: [' Anyone may settle a billing subscription: pays the provider what is owed up to this block.'],
  handler: (env, origin, a) => {
    ensureSigned(origin);
    const sub = mustLive(env, a.id);
    if (sub.settled_to === undefined) throw subscriptionsError('NotBilling');
    settle(env, a.id, sub, env.blockNumber);
    S.Subscriptions.set(env.state, a.id, sub);
  },
};
