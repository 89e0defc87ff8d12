import { T, type TypeDesc } from '../../scale/type-desc.ts';
import { AccountId32, Balance, BlockNumber } from '../../framework/common-types.ts';

/** `BoundedVec<T, S>` as scale-info describes it (a transparent wrapper of `Vec<T>`). */
export const bounded = (inner: TypeDesc): TypeDesc =>
  T.composite(['bounded_collections', 'bounded_vec', 'BoundedVec'], [T.seq(inner)], {
    params: [{ name: 'T', type: inner }, { name: 'S' }],
  });

export const BoundedBytes = bounded(T.u8);
export const TypeId = T.u32;
export const Regions = bounded(BoundedBytes);

export const ProviderStatus = T.variant(['pallet_dinfra_providers', 'types', 'ProviderStatus'], [
  { name: 'Active', docs: [' Receives new awards.'] },
  { name: 'Paused', docs: [' Receives no new awards; existing subscriptions continue.'] },
]);

export const ProviderInfo = T.composite(['pallet_dinfra_providers', 'types', 'ProviderInfo'], [
  ['name', BoundedBytes, 'BoundedVec<u8, MaxNameLen>'],
  ['api_url', BoundedBytes, 'BoundedVec<u8, MaxUrlLen>'],
  ['operator', AccountId32, 'AccountId'],
  ['deposit', Balance, 'Balance'],
  ['status', ProviderStatus, 'ProviderStatus'],
  ['live_subscriptions', T.u32, 'u32'],
  ['registered_at', BlockNumber, 'BlockNumber'],
]);

export const Offering = T.composite(['pallet_dinfra_providers', 'types', 'Offering'], [
  ['capacity', T.u32, 'u32'],
  ['used', T.u32, 'u32'],
  ['price_per_block', Balance, 'Balance'],
  ['regions', Regions, 'BoundedVec<BoundedVec<u8, MaxRegionLen>, MaxRegions>'],
  ['open', T.bool, 'bool'],
]);

export const DeploymentType = T.composite(['pallet_dinfra_providers', 'types', 'DeploymentType'], [
  ['name', BoundedBytes, 'BoundedVec<u8, MaxNameLen>'],
  ['schema_cid', BoundedBytes, 'BoundedVec<u8, MaxCidLen>'],
  ['owner', T.option(AccountId32), 'Option<AccountId>'],
  ['deposit', Balance, 'Balance'],
  ['registered_at', BlockNumber, 'BlockNumber'],
]);

export interface ProviderInfoValue {
  name: string;
  api_url: string;
  operator: string;
  deposit: bigint;
  status: { type: 'Active' | 'Paused' };
  live_subscriptions: number;
  registered_at: number;
}

export interface OfferingValue {
  capacity: number;
  used: number;
  price_per_block: bigint;
  regions: string[];
  open: boolean;
}

export interface DeploymentTypeValue {
  name: string;
  schema_cid: string;
  owner: string | undefined;
  deposit: bigint;
  registered_at: number;
}
