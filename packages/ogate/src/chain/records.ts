/** Subscription records as plain values (decoded once from the metadata types). */
import type { PalletDinfraSubscriptionsSubscription, PalletDinfraSubscriptionsSubscriptionStatus, PalletDinfraSubscriptionsLossCause } from '@polkadot/types/lookup';

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

export function statusOf(s: PalletDinfraSubscriptionsSubscriptionStatus): { state: RecordState; endpoints: string[]; terminationReason: string | null } {
  if (s.isRunning) return { state: 'running', endpoints: s.asRunning.endpoints.map((e) => e.toUtf8()), terminationReason: null };
  if (s.isDegraded) return { state: 'degraded', endpoints: s.asDegraded.endpoints.map((e) => e.toUtf8()), terminationReason: null };
  if (s.isTerminated) return { state: 'terminated', endpoints: [], terminationReason: s.asTerminated.reason.type };
  return { state: s.isProvisioning ? 'provisioning' : 'awarded', endpoints: [], terminationReason: null };
}

/** `AckTimeout` or `Failed: <reason>`. */
export function lossCauseText(c: PalletDinfraSubscriptionsLossCause): string {
  if (c.isFailed) return `failed: ${c.asFailed.reason.toUtf8()}`;
  return 'ack timeout';
}

export function toSubscriptionRecord(s: PalletDinfraSubscriptionsSubscription): SubscriptionRecord {
  const target = s.target.isProvider ? s.target.asProvider.typeId : s.target.asSelector.typeId;
  const st = statusOf(s.status);
  const loss = s.lastLoss.isSome ? s.lastLoss.unwrap() : null;
  return {
    subscriber: s.subscriber.toString(),
    provider: s.provider.toString(),
    typeId: target.toNumber(),
    descriptorCid: s.descriptorCid.toUtf8(),
    pricePerBlock: s.pricePerBlock.toBigInt(),
    deposit: s.deposit.toBigInt(),
    ...st,
    awardedAt: s.awardedAt.toNumber(),
    settledTo: s.settledTo.isSome ? s.settledTo.unwrap().toNumber() : null,
    expiresAt: s.expiresAt.isSome ? s.expiresAt.unwrap().toNumber() : null,
    excluded: s.excluded.map((a) => a.toString()),
    lastLoss: loss ? { provider: loss.provider.toString(), at: loss.at.toNumber(), cause: lossCauseText(loss.cause) } : null,
  };
}
