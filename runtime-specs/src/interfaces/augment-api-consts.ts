// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/consts';

import type { ApiTypes, AugmentedConst } from '@polkadot/api-base/types';
import type { u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { FrameSystemLimitsBlockLength, FrameSystemLimitsBlockWeights, SpVersionRuntimeVersion, SpWeightsRuntimeDbWeight } from '@polkadot/types/lookup';

export type __AugmentedConst<ApiType extends ApiTypes> = AugmentedConst<ApiType>;

declare module '@polkadot/api-base/types/consts' {
  interface AugmentedConsts<ApiType extends ApiTypes> {
    balances: {
      /**
       * The minimum amount required to keep an account open.
       **/
      existentialDeposit: u128 & AugmentedConst<ApiType>;
      /**
       * The maximum number of individual freeze locks that can exist on an account at any time.
       **/
      maxFreezes: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of locks that should exist on an account.
       **/
      maxLocks: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of named reserves that can exist on an account.
       **/
      maxReserves: u32 & AugmentedConst<ApiType>;
    };
    providers: {
      /**
       * Maximum length of a CID string, in bytes.
       **/
      maxCidLen: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum length of provider and type names, in bytes.
       **/
      maxNameLen: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum number of offerings of one deployment type.
       **/
      maxOfferingsPerType: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum length of a region, in bytes.
       **/
      maxRegionLen: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum number of regions of an offering.
       **/
      maxRegions: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum length of a provider API URL, in bytes.
       **/
      maxUrlLen: u32 & AugmentedConst<ApiType>;
      /**
       * Reserved by `register`, released by `deregister`.
       **/
      providerDeposit: u128 & AugmentedConst<ApiType>;
      /**
       * Reserved from a provider that registers a deployment type.
       **/
      typeDeposit: u128 & AugmentedConst<ApiType>;
    };
    subscriptions: {
      /**
       * Blocks an awarded provider has to report Provisioning.
       **/
      ackTimeout: u32 & AugmentedConst<ApiType>;
      /**
       * FundsLow is emitted this many blocks before expiry.
       **/
      lowFundsWarning: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum providers in a selector allow-list.
       **/
      maxAllowList: u32 & AugmentedConst<ApiType>;
      /**
       * A subscription is awarded at most this many times.
       **/
      maxAwardAttempts: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum length of an endpoint, in bytes.
       **/
      maxEndpointLen: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum endpoints of a Running report.
       **/
      maxEndpoints: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum length of a Failed report's reason, in bytes (UTF-8).
       **/
      maxReasonLen: u32 & AugmentedConst<ApiType>;
      /**
       * The smallest deposit `subscribe` accepts.
       **/
      minimumDeposit: u128 & AugmentedConst<ApiType>;
      /**
       * Blocks a terminated subscription stays in storage.
       **/
      terminatedRetention: u32 & AugmentedConst<ApiType>;
    };
    system: {
      /**
       * Maximum number of block number to block hash mappings to keep (oldest pruned first).
       **/
      blockHashCount: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum length of a block (in bytes).
       **/
      blockLength: FrameSystemLimitsBlockLength & AugmentedConst<ApiType>;
      /**
       * Block & extrinsics weights: base values and limits.
       **/
      blockWeights: FrameSystemLimitsBlockWeights & AugmentedConst<ApiType>;
      /**
       * The weight of runtime database operations the runtime can invoke.
       **/
      dbWeight: SpWeightsRuntimeDbWeight & AugmentedConst<ApiType>;
      /**
       * The designated SS58 prefix of this chain.
       **/
      ss58Prefix: u16 & AugmentedConst<ApiType>;
      /**
       * Get the chain's in-code version.
       **/
      version: SpVersionRuntimeVersion & AugmentedConst<ApiType>;
    };
    timestamp: {
      /**
       * The minimum period between blocks.
       **/
      minimumPeriod: u64 & AugmentedConst<ApiType>;
    };
    transactionPayment: {
      /**
       * A fee multiplier for `Operational` extrinsics to compute "virtual tip" to boost their `priority`
       **/
      operationalFeeMultiplier: u8 & AugmentedConst<ApiType>;
    };
    utility: {
      /**
       * The limit on the number of batched calls.
       **/
      batchedCallsLimit: u32 & AugmentedConst<ApiType>;
    };
  } // AugmentedConsts
} // declare module
