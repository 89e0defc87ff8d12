import { T } from '../../scale/type-desc.ts';
import { AccountId32, Balance, BlockNumber } from '../../framework/common-types.ts';
import { bounded, BoundedBytes, TypeId } from '../providers/types.ts';

const P = (name: string) => ['pallet_dinfra_subscriptions', 'types', name];

export const SubscriptionId = T.u64;
export const Endpoints = bounded(BoundedBytes);

export const Target = T.variant(P('Target'), [
  { name: 'Provider', fields: [['provider', AccountId32, 'AccountId'], ['type_id', TypeId, 'TypeId']], docs: [' One named provider\'s offering of a type.'] },
  {
    name: 'Selector',
    fields: [
      ['type_id', TypeId, 'TypeId'],
      ['providers', T.option(bounded(AccountId32)), 'Option<BoundedVec<AccountId, MaxAllowList>>'],
      ['region', T.option(BoundedBytes), 'Option<BoundedVec<u8, MaxRegionLen>>'],
    ],
    docs: [' Any offering of the type, optionally only from the allow-listed providers, optionally only in a region.'],
  },
]);

export const TerminationReason = T.variant(P('TerminationReason'), [
  { name: 'BySubscriber' },
  { name: 'ByProvider' },
  { name: 'OutOfFunds' },
  { name: 'ProviderTimeout' },
  { name: 'ProviderFailed' },
  { name: 'NoProvider' },
]);

export const SubscriptionStatus = T.variant(P('SubscriptionStatus'), [
  { name: 'Awarded' },
  { name: 'Provisioning' },
  { name: 'Running', fields: [['endpoints', Endpoints, 'BoundedVec<BoundedVec<u8, MaxEndpointLen>, MaxEndpoints>']] },
  { name: 'Degraded', fields: [['endpoints', Endpoints, 'BoundedVec<BoundedVec<u8, MaxEndpointLen>, MaxEndpoints>']] },
  { name: 'Terminated', fields: [['reason', TerminationReason, 'TerminationReason']] },
]);

export const StatusReport = T.variant(P('StatusReport'), [
  { name: 'Provisioning' },
  { name: 'Running', fields: [['endpoints', T.seq(T.seq(T.u8)), 'Vec<Vec<u8>>']] },
  { name: 'Degraded' },
  { name: 'Failed', fields: [['reason', T.seq(T.u8), 'Vec<u8>']], docs: [' The deployment cannot be served; `reason` (UTF-8, at most MaxReasonLen bytes) says why.'] },
]);

export const LossCause = T.variant(P('LossCause'), [
  { name: 'AckTimeout', docs: [' No Provisioning report before the ack deadline.'] },
  { name: 'Failed', fields: [['reason', BoundedBytes, 'BoundedVec<u8, MaxReasonLen>']], docs: [' A Failed report, with its reason.'] },
]);

/** The last time a provider lost the award of a subscription (kept in the record, for clients). */
export const AwardLoss = T.composite(P('AwardLoss'), [
  ['provider', AccountId32, 'AccountId'],
  ['at', BlockNumber, 'BlockNumber'],
  ['cause', LossCause, 'LossCause'],
]);

export const AgendaKind = T.variant(P('AgendaKind'), [
  { name: 'AckTimeout' },
  { name: 'FundsLow' },
  { name: 'Expire' },
  { name: 'Purge' },
]);

export const Subscription = T.composite(P('Subscription'), [
  ['subscriber', AccountId32, 'AccountId'],
  ['target', Target, 'Target'],
  ['descriptor_cid', BoundedBytes, 'BoundedVec<u8, MaxCidLen>'],
  ['max_price_per_block', Balance, 'Balance'],
  ['provider', AccountId32, 'AccountId'],
  ['price_per_block', Balance, 'Balance'],
  ['deposit', Balance, 'Balance'],
  ['status', SubscriptionStatus, 'SubscriptionStatus'],
  ['created_at', BlockNumber, 'BlockNumber'],
  ['awarded_at', BlockNumber, 'BlockNumber'],
  ['ack_deadline', T.option(BlockNumber), 'Option<BlockNumber>'],
  ['settled_to', T.option(BlockNumber), 'Option<BlockNumber>'],
  ['expires_at', T.option(BlockNumber), 'Option<BlockNumber>'],
  ['funds_low_at', T.option(BlockNumber), 'Option<BlockNumber>'],
  ['excluded', bounded(AccountId32), 'BoundedVec<AccountId, MaxAwardAttempts>'],
  ['terminated_at', T.option(BlockNumber), 'Option<BlockNumber>'],
  ['last_loss', T.option(AwardLoss), 'Option<AwardLoss>'],
]);

export type TargetValue =
  | { type: 'Provider'; value: { provider: string; type_id: number } }
  | { type: 'Selector'; value: { type_id: number; providers: string[] | undefined; region: string | undefined } };

export type TerminationReasonName = 'BySubscriber' | 'ByProvider' | 'OutOfFunds' | 'ProviderTimeout' | 'ProviderFailed' | 'NoProvider';

export type StatusValue =
  | { type: 'Awarded' | 'Provisioning' }
  | { type: 'Running' | 'Degraded'; value: { endpoints: string[] } }
  | { type: 'Terminated'; value: { reason: { type: TerminationReasonName } } };

export type StatusReportValue =
  | { type: 'Provisioning' | 'Degraded' }
  | { type: 'Running'; value: { endpoints: string[] } }
  | { type: 'Failed'; value: { reason: string } };

/** Why an award was lost; a Failed report's reason is 0x-hex UTF-8 bytes. */
export type LossCauseValue = { type: 'AckTimeout' } | { type: 'Failed'; value: { reason: string } };

export interface AwardLossValue {
  provider: string;
  at: number;
  cause: LossCauseValue;
}

export type AgendaKindName = 'AckTimeout' | 'FundsLow' | 'Expire' | 'Purge';

export interface SubscriptionValue {
  subscriber: string;
  target: TargetValue;
  descriptor_cid: string;
  max_price_per_block: bigint;
  provider: string;
  price_per_block: bigint;
  deposit: bigint;
  status: StatusValue;
  created_at: number;
  awarded_at: number;
  ack_deadline: number | undefined;
  settled_to: number | undefined;
  expires_at: number | undefined;
  funds_low_at: number | undefined;
  excluded: string[];
  terminated_at: number | undefined;
  last_loss: AwardLossValue | undefined;
}

export const typeIdOf = (t: TargetValue): number => t.value.type_id;
export const isLive = (s: SubscriptionValue): boolean => s.status.type !== 'Terminated';
