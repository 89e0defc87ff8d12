/**
 * Decoders of the on-chain records (typed by this package's augmentation) into the plain values
 * of types.ts: the one place a codec becomes a provider, an offering, a deployment type or a
 * subscription. Type-only imports of @polkadot/types: no runtime dependency.
 */
import type { Option, u32 } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import type {
  PalletDinfraProvidersDeploymentType,
  PalletDinfraProvidersOffering,
  PalletDinfraProvidersProviderInfo,
  PalletDinfraSubscriptionsAwardLoss,
  PalletDinfraSubscriptionsLossCause,
  PalletDinfraSubscriptionsSubscription,
  PalletDinfraSubscriptionsTarget,
} from '../augment.ts';
import type { AwardLoss, DeploymentType, LossCause, Offering, ProviderInfo, Subscription, SubscriptionState, Target, TerminationReason } from './types.ts';

/** `f(value)` of a `Some`, undefined for `None`. */
export const opt = <T extends Codec, R>(o: Option<T>, f: (v: T) => R): R | undefined => (o.isSome ? f(o.unwrap()) : undefined);
const num = (n: u32) => n.toNumber();

export function toProvider(address: string, c: PalletDinfraProvidersProviderInfo): ProviderInfo {
  return {
    address,
    name: c.name.toUtf8(),
    apiUrl: c.apiUrl.toUtf8(),
    operator: c.operator.toString(),
    deposit: c.deposit.toBigInt(),
    status: c.status.type === 'Paused' ? 'Paused' : 'Active',
    liveSubscriptions: num(c.liveSubscriptions),
    registeredAt: num(c.registeredAt),
  };
}

export function toOffering(provider: string, typeId: number, c: PalletDinfraProvidersOffering): Offering {
  return {
    provider,
    typeId,
    capacity: num(c.capacity),
    used: num(c.used),
    pricePerBlock: c.pricePerBlock.toBigInt(),
    regions: c.regions.map((r) => r.toUtf8()),
    open: c.open.isTrue,
  };
}

export function toDeploymentType(id: number, c: PalletDinfraProvidersDeploymentType): DeploymentType {
  return {
    id,
    name: c.name.toUtf8(),
    schemaCid: c.schemaCid.toUtf8(),
    owner: opt(c.owner, (o) => o.toString()),
    deposit: c.deposit.toBigInt(),
    registeredAt: num(c.registeredAt),
  };
}

export function toTarget(c: PalletDinfraSubscriptionsTarget): Target {
  if (c.type === 'Provider') return { kind: 'provider', provider: c.asProvider.provider.toString(), typeId: num(c.asProvider.typeId) };
  const s = c.asSelector;
  return {
    kind: 'selector',
    typeId: num(s.typeId),
    providers: opt(s.providers, (list) => list.map((p) => p.toString())),
    region: opt(s.region, (r) => r.toUtf8()),
  };
}

/** A `LossCause` (the `cause` of AwardLost and of `last_loss`) as its name and the Failed report's reason. */
export function toLossCause(c: PalletDinfraSubscriptionsLossCause): { cause: LossCause; reason: string | undefined } {
  return c.isFailed ? { cause: 'Failed', reason: c.asFailed.reason.toUtf8() } : { cause: 'AckTimeout', reason: undefined };
}

function toLoss(c: PalletDinfraSubscriptionsAwardLoss): AwardLoss {
  return { provider: c.provider.toString(), at: num(c.at), ...toLossCause(c.cause) };
}

export function toSubscription(id: bigint, c: PalletDinfraSubscriptionsSubscription): Subscription {
  const state = c.status.type as SubscriptionState;
  const endpoints = state === 'Running' ? c.status.asRunning.endpoints : state === 'Degraded' ? c.status.asDegraded.endpoints : [];
  return {
    id,
    subscriber: c.subscriber.toString(),
    target: toTarget(c.target),
    descriptorCid: c.descriptorCid.toUtf8(),
    maxPricePerBlock: c.maxPricePerBlock.toBigInt(),
    provider: c.provider.toString(),
    pricePerBlock: c.pricePerBlock.toBigInt(),
    deposit: c.deposit.toBigInt(),
    state,
    endpoints: endpoints.map((e) => e.toUtf8()),
    terminationReason: state === 'Terminated' ? (c.status.asTerminated.reason.type as TerminationReason) : undefined,
    createdAt: num(c.createdAt),
    awardedAt: num(c.awardedAt),
    ackDeadline: opt(c.ackDeadline, num),
    settledTo: opt(c.settledTo, num),
    expiresAt: opt(c.expiresAt, num),
    fundsLowAt: opt(c.fundsLowAt, num),
    terminatedAt: opt(c.terminatedAt, num),
    excluded: c.excluded.map((a) => a.toString()),
    lastLoss: opt(c.lastLoss, toLoss),
  };
}

/** Decodes a `Subscriptions.Subscriptions` storage value (`Option<Subscription>`). */
export function decodeSubscription(id: bigint, value: unknown): Subscription | undefined {
  return opt(value as Option<PalletDinfraSubscriptionsSubscription>, (c) => toSubscription(id, c));
}
