/** Subscription records as plain values (decoded once from the metadata types). */
import { toLossCause, toSubscription, type LossCause, type SubscriptionState } from '@dinfra/runtime-specs';
import type { PalletDinfraSubscriptionsLossCause, PalletDinfraSubscriptionsSubscription } from '@polkadot/types/lookup';

export type RecordState = 'awarded' | 'provisioning' | 'running' | 'degraded' | 'terminated';

export interface SubscriptionRecord {
  subscriber: string;
  provider: string;
  typeId: number;
  descriptorCid: string;
  pricePerBlock: bigint;
  deposit: bigint;
  state: RecordState;
  endpoints: string[];
  terminationReason: string | null;
  awardedAt: number;
  settledTo: number | null;
  expiresAt: number | null;
  excluded: string[];
  lastLoss: { provider: string; at: number; cause: string } | null;
}

const STATE: Record<SubscriptionState, RecordState> = { Awarded: 'awarded', Provisioning: 'provisioning', Running: 'running', Degraded: 'degraded', Terminated: 'terminated' };

const lossText = (c: { cause: LossCause; reason: string | undefined }): string => (c.cause === 'Failed' ? `failed: ${c.reason ?? ''}` : 'ack timeout');

/** `ack timeout` or `failed: <reason>`. */
export const lossCauseText = (c: PalletDinfraSubscriptionsLossCause): string => lossText(toLossCause(c));

/** OGate's record of a subscription, from @dinfra/runtime-specs' decoding of it. */
export function toSubscriptionRecord(s: PalletDinfraSubscriptionsSubscription): SubscriptionRecord {
  const v = toSubscription(0n, s);
  return {
    subscriber: v.subscriber,
    provider: v.provider,
    typeId: v.target.typeId,
    descriptorCid: v.descriptorCid,
    pricePerBlock: v.pricePerBlock,
    deposit: v.deposit,
    state: STATE[v.state],
    endpoints: v.endpoints,
    terminationReason: v.terminationReason ?? null,
    awardedAt: v.awardedAt,
    settledTo: v.settledTo ?? null,
    expiresAt: v.expiresAt ?? null,
    excluded: v.excluded,
    lastLoss: v.lastLoss ? { provider: v.lastLoss.provider, at: v.lastLoss.at, cause: lossText(v.lastLoss) } : null,
  };
}
