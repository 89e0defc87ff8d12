import { T } from '../../scale/type-desc.ts';
import { storageFor } from '../../framework/storage.ts';
import { AccountId32 } from '../../framework/common-types.ts';
import { bounded, BoundedBytes, DeploymentType, Offering, ProviderInfo, TypeId, type DeploymentTypeValue, type OfferingValue, type ProviderInfoValue } from './types.ts';

const s = storageFor('Providers');

/** Storage of the Providers pallet; the hashers are part of the on-chain interface. */
export const ProvidersStorage = {
  Providers: s.map<string, ProviderInfoValue>('Providers', 'Blake2_128Concat', AccountId32, ProviderInfo, {
    docs: [' Registered providers by account.'],
  }),
  ProviderByName: s.map<string, string>('ProviderByName', 'Blake2_128Concat', BoundedBytes, AccountId32, {
    docs: [' Provider account by name (names are unique).'],
  }),
  Offerings: s.doubleMap<string, number, OfferingValue>('Offerings', ['Blake2_128Concat', 'Twox64Concat'], [AccountId32, TypeId], Offering, {
    docs: [' Offerings by (provider, deployment type). `used` is the number of live subscriptions awarded to it.'],
  }),
  OfferingsByType: s.map<number, string[]>('OfferingsByType', 'Twox64Concat', TypeId, bounded(AccountId32), {
    default: [],
    docs: [' Providers with an offering of a type, in order of first `set_offering` (the award scans this list).'],
  }),
  DeploymentTypes: s.map<number, DeploymentTypeValue>('DeploymentTypes', 'Twox64Concat', TypeId, DeploymentType, {
    docs: [' Deployment types by id.'],
  }),
  TypeByName: s.map<string, number>('TypeByName', 'Blake2_128Concat', BoundedBytes, TypeId, {
    docs: [' Deployment type id by name (names are unique).'],
  }),
  NextTypeId: s.value<number>('NextTypeId', T.u32, { default: 0, docs: [' The id the next registered deployment type gets.'] }),
};
