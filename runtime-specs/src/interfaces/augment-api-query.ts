// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/storage';

import type { ApiTypes, AugmentedQuery, QueryableStorageEntry } from '@polkadot/api-base/types';
import type { Bytes, Null, Option, Vec, bool, u128, u32, u64 } from '@polkadot/types-codec';
import type { AnyNumber } from '@polkadot/types-codec/types';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSystemAccountInfo, FrameSystemEventRecord, PalletDinfraProvidersDeploymentType, PalletDinfraProvidersOffering, PalletDinfraProvidersProviderInfo, PalletDinfraSubscriptionsAgendaKind, PalletDinfraSubscriptionsSubscription } from '@polkadot/types/lookup';
import type { Observable } from '@polkadot/types/types';

export type __AugmentedQuery<ApiType extends ApiTypes> = AugmentedQuery<ApiType, () => unknown>;
export type __QueryableStorageEntry<ApiType extends ApiTypes> = QueryableStorageEntry<ApiType>;

declare module '@polkadot/api-base/types/storage' {
  interface AugmentedQueries<ApiType extends ApiTypes> {
    balances: {
      /**
       * The total units of outstanding deactivated balance in the system.
       **/
      inactiveIssuance: AugmentedQuery<ApiType, () => Observable<u128>, []>;
      /**
       * The total units issued in the system.
       **/
      totalIssuance: AugmentedQuery<ApiType, () => Observable<u128>, []>;
    };
    providers: {
      /**
       * Deployment types by id.
       **/
      deploymentTypes: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<PalletDinfraProvidersDeploymentType>>, [u32]>;
      /**
       * The id the next registered deployment type gets.
       **/
      nextTypeId: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Offerings by (provider, deployment type). `used` is the number of live subscriptions awarded to it.
       **/
      offerings: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u32 | AnyNumber | Uint8Array) => Observable<Option<PalletDinfraProvidersOffering>>, [AccountId32, u32]>;
      /**
       * Providers with an offering of a type, in order of first `set_offering` (the award scans this list).
       **/
      offeringsByType: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<AccountId32>>, [u32]>;
      /**
       * Provider account by name (names are unique).
       **/
      providerByName: AugmentedQuery<ApiType, (arg: Bytes | string | Uint8Array) => Observable<Option<AccountId32>>, [Bytes]>;
      /**
       * Registered providers by account.
       **/
      providers: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Option<PalletDinfraProvidersProviderInfo>>, [AccountId32]>;
      /**
       * Deployment type id by name (names are unique).
       **/
      typeByName: AugmentedQuery<ApiType, (arg: Bytes | string | Uint8Array) => Observable<Option<u32>>, [Bytes]>;
    };
    subscriptions: {
      /**
       * What happens to which subscription at which block: at most one entry per (block, subscription).
       **/
      agenda: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletDinfraSubscriptionsAgendaKind>>, [u32, u64]>;
      /**
       * The id the next subscription gets.
       **/
      nextSubscriptionId: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * Subscriptions by id: live ones, and terminated ones until they are purged.
       **/
      subscriptions: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletDinfraSubscriptionsSubscription>>, [u64]>;
      /**
       * Live subscriptions awarded to a provider (iterate with the provider's key prefix).
       **/
      subscriptionsByProvider: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<Null>>, [AccountId32, u64]>;
      /**
       * Live subscriptions of a subscriber.
       **/
      subscriptionsBySubscriber: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<Null>>, [AccountId32, u64]>;
    };
    sudo: {
      /**
       * The `AccountId` of the sudo key.
       **/
      key: AugmentedQuery<ApiType, () => Observable<Option<AccountId32>>, []>;
    };
    system: {
      /**
       * The full account information for a particular account ID.
       **/
      account: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<FrameSystemAccountInfo>, [AccountId32]>;
      /**
       * Map of block numbers to block hashes.
       **/
      blockHash: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<H256>, [u32]>;
      /**
       * The number of events in the `Events<T>` list.
       **/
      eventCount: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Events deposited for the current block.
       **/
      events: AugmentedQuery<ApiType, () => Observable<Vec<FrameSystemEventRecord>>, []>;
      /**
       * The current block number being processed. Set by `execute_block`.
       **/
      number: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Hash of the previous block.
       **/
      parentHash: AugmentedQuery<ApiType, () => Observable<H256>, []>;
    };
    timestamp: {
      /**
       * Whether the timestamp has been updated in this block.
       **/
      didUpdate: AugmentedQuery<ApiType, () => Observable<bool>, []>;
      /**
       * The current time for the current block.
       **/
      now: AugmentedQuery<ApiType, () => Observable<u64>, []>;
    };
    transactionPayment: {
      /**
       * The fee multiplier (fixed at 1 on DINFRA).
       **/
      nextFeeMultiplier: AugmentedQuery<ApiType, () => Observable<u128>, []>;
    };
  } // AugmentedQueries
} // declare module
