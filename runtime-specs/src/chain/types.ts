/**
 * The on-chain interface as plain values (the CLI, OGate and the reactor all read these): the
 * Providers and Subscriptions pallets' records and the DinfraApi runtime API
 * (runtime-specs/dinfra.md). Balances are bigint plancks, block numbers numbers, accounts SS58
 * strings.
 */
export type ProviderStatus = 'Active' | 'Paused';

export interface ProviderInfo {
  address: string;
  name: string;
  apiUrl: string;
  operator: string;
  deposit: bigint;
  status: ProviderStatus;
  liveSubscriptions: number;
  registeredAt: number;
}

export interface Offering {
  provider: string;
  typeId: number;
  capacity: number;
  used: number;
  pricePerBlock: bigint;
  regions: string[];
  open: boolean;
}

export interface DeploymentType {
  id: number;
  name: string;
  schemaCid: string;
  owner: string | undefined;
  deposit: bigint;
  registeredAt: number;
}

export type Target =
  | { kind: 'provider'; provider: string; typeId: number }
  | { kind: 'selector'; typeId: number; providers: string[] | undefined; region: string | undefined };

export type SubscriptionState = 'Awarded' | 'Provisioning' | 'Running' | 'Degraded' | 'Terminated';

export type TerminationReason = 'BySubscriber' | 'ByProvider' | 'OutOfFunds' | 'ProviderTimeout' | 'ProviderFailed' | 'NoProvider';

/** Why a provider lost an award (`LossCause`). */
export type LossCause = 'AckTimeout' | 'Failed';

/** The last loss of a subscription's award (`Subscription.last_loss`): who lost it, when, why. */
export interface AwardLoss {
  provider: string;
  at: number;
  cause: LossCause;
  /** The reason of the Failed report (UTF-8 text, at most 256 bytes); undefined for AckTimeout. */
  reason: string | undefined;
}

export interface Subscription {
  id: bigint;
  subscriber: string;
  target: Target;
  descriptorCid: string;
  maxPricePerBlock: bigint;
  provider: string;
  pricePerBlock: bigint;
  /** The unsettled deposit still reserved. */
  deposit: bigint;
  state: SubscriptionState;
  endpoints: string[];
  terminationReason: TerminationReason | undefined;
  createdAt: number;
  awardedAt: number;
  ackDeadline: number | undefined;
  settledTo: number | undefined;
  expiresAt: number | undefined;
  fundsLowAt: number | undefined;
  terminatedAt: number | undefined;
  /** Providers that lost an award of this subscription, in order (one entry per loss). */
  excluded: string[];
  /** The most recent AwardLost of this subscription, kept on chain until the purge. */
  lastLoss: AwardLoss | undefined;
}

export interface Billing {
  owed: bigint;
  remaining: bigint;
  settledTo: number | undefined;
  expiresAt: number | undefined;
}

export interface Quote {
  provider: string;
  pricePerBlock: bigint;
}
