// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/errors';

import type { ApiTypes, AugmentedError } from '@polkadot/api-base/types';

export type __AugmentedError<ApiType extends ApiTypes> = AugmentedError<ApiType>;

declare module '@polkadot/api-base/types/errors' {
  interface AugmentedErrors<ApiType extends ApiTypes> {
    balances: {
      /**
       * Beneficiary account must pre-exist.
       **/
      DeadAccount: AugmentedError<ApiType>;
      /**
       * The delta cannot be zero.
       **/
      DeltaZero: AugmentedError<ApiType>;
      /**
       * Value too low to create account due to existential deposit.
       **/
      ExistentialDeposit: AugmentedError<ApiType>;
      /**
       * A vesting schedule already exists for this account.
       **/
      ExistingVestingSchedule: AugmentedError<ApiType>;
      /**
       * Transfer/payment would kill account.
       **/
      Expendability: AugmentedError<ApiType>;
      /**
       * Balance too low to send value.
       **/
      InsufficientBalance: AugmentedError<ApiType>;
      /**
       * The issuance cannot be modified since it is already deactivated.
       **/
      IssuanceDeactivated: AugmentedError<ApiType>;
      /**
       * Account liquidity restrictions prevent withdrawal.
       **/
      LiquidityRestrictions: AugmentedError<ApiType>;
      /**
       * Number of freezes exceed `MaxFreezes`.
       **/
      TooManyFreezes: AugmentedError<ApiType>;
      /**
       * Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.
       **/
      TooManyHolds: AugmentedError<ApiType>;
      /**
       * Number of named reserves exceed `MaxReserves`.
       **/
      TooManyReserves: AugmentedError<ApiType>;
      /**
       * Vesting balance too high to send value.
       **/
      VestingBalance: AugmentedError<ApiType>;
    };
    providers: {
      /**
       * The provider is already paused.
       **/
      AlreadyPaused: AugmentedError<ApiType>;
      /**
       * The account is already registered as a provider.
       **/
      AlreadyRegistered: AugmentedError<ApiType>;
      /**
       * The name is empty or longer than MaxNameLen bytes.
       **/
      BadName: AugmentedError<ApiType>;
      /**
       * A region is empty or longer than MaxRegionLen bytes, or listed twice.
       **/
      BadRegion: AugmentedError<ApiType>;
      /**
       * The provider still holds live subscriptions; they must end first.
       **/
      HasLiveSubscriptions: AugmentedError<ApiType>;
      /**
       * The CID is not a CIDv0 / CIDv1 string of at most MaxCidLen bytes.
       **/
      InvalidCid: AugmentedError<ApiType>;
      /**
       * Another provider (or deployment type) already has this name.
       **/
      NameTaken: AugmentedError<ApiType>;
      /**
       * The provider has no offering of this deployment type.
       **/
      NoSuchOffering: AugmentedError<ApiType>;
      /**
       * Only Root or a registered provider may register a deployment type.
       **/
      NotAllowed: AugmentedError<ApiType>;
      /**
       * The provider is not paused.
       **/
      NotPaused: AugmentedError<ApiType>;
      /**
       * The account is not a registered provider.
       **/
      NotProvider: AugmentedError<ApiType>;
      /**
       * The deployment type already has MaxOfferingsPerType offerings.
       **/
      TooManyOfferings: AugmentedError<ApiType>;
      /**
       * More than MaxRegions regions.
       **/
      TooManyRegions: AugmentedError<ApiType>;
      /**
       * No deployment type has this id.
       **/
      UnknownDeploymentType: AugmentedError<ApiType>;
      /**
       * The API URL is empty or longer than MaxUrlLen bytes.
       **/
      UrlTooLong: AugmentedError<ApiType>;
      /**
       * An offering must have a capacity of at least 1 (use close_offering instead).
       **/
      ZeroCapacity: AugmentedError<ApiType>;
    };
    subscriptions: {
      /**
       * Every offering that matches and is affordable has no free capacity.
       **/
      AllOfferingsFull: AugmentedError<ApiType>;
      /**
       * Every offering that matches costs more per block than max_price_per_block.
       **/
      AllOfferingsTooExpensive: AugmentedError<ApiType>;
      /**
       * The subscription is terminated.
       **/
      AlreadyTerminated: AugmentedError<ApiType>;
      /**
       * An endpoint is empty or longer than MaxEndpointLen bytes.
       **/
      BadEndpoint: AugmentedError<ApiType>;
      /**
       * A Failed report's reason is longer than MaxReasonLen bytes or not UTF-8.
       **/
      BadReason: AugmentedError<ApiType>;
      /**
       * The region is empty or longer than MaxRegionLen bytes.
       **/
      BadRegion: AugmentedError<ApiType>;
      /**
       * The deposit is below MinimumDeposit.
       **/
      DepositBelowMinimum: AugmentedError<ApiType>;
      /**
       * The reported status does not follow from the current one.
       **/
      IllegalTransition: AugmentedError<ApiType>;
      /**
       * The descriptor CID is not a CIDv0 / CIDv1 string of at most MaxCidLen bytes.
       **/
      InvalidCid: AugmentedError<ApiType>;
      /**
       * Open offerings of the type exist, but none in the requested region.
       **/
      NoOfferingInRegion: AugmentedError<ApiType>;
      /**
       * No open offering of the type from an active (not paused) provider (in the allow-list, if any).
       **/
      NoOfferingOfType: AugmentedError<ApiType>;
      /**
       * Only the subscriber, or the assigned provider or its operator, may terminate.
       **/
      NotAllowed: AugmentedError<ApiType>;
      /**
       * Only the assigned provider or its operator may report the status.
       **/
      NotAssignedProvider: AugmentedError<ApiType>;
      /**
       * The subscription is not being billed (it has not reported Running yet).
       **/
      NotBilling: AugmentedError<ApiType>;
      /**
       * Only the subscriber may do this.
       **/
      NotSubscriber: AugmentedError<ApiType>;
      /**
       * The allow-list has more than MaxAllowList providers.
       **/
      TooManyAllowedProviders: AugmentedError<ApiType>;
      /**
       * A Running report lists no endpoint or more than MaxEndpoints.
       **/
      TooManyEndpoints: AugmentedError<ApiType>;
      /**
       * No deployment type has this id.
       **/
      UnknownDeploymentType: AugmentedError<ApiType>;
      /**
       * The named provider is not registered.
       **/
      UnknownProvider: AugmentedError<ApiType>;
      /**
       * No subscription has this id (never existed, or purged).
       **/
      UnknownSubscription: AugmentedError<ApiType>;
      /**
       * The amount must be positive.
       **/
      ZeroAmount: AugmentedError<ApiType>;
    };
    sudo: {
      /**
       * Sender must be the Sudo account.
       **/
      RequireSudo: AugmentedError<ApiType>;
    };
    system: {
      /**
       * The origin filter prevent the call to be dispatched.
       **/
      CallFiltered: AugmentedError<ApiType>;
      /**
       * Failed to extract the runtime version from the new runtime.
       **/
      FailedToExtractRuntimeVersion: AugmentedError<ApiType>;
      /**
       * The name of specification does not match between the current runtime and the new runtime.
       **/
      InvalidSpecName: AugmentedError<ApiType>;
      /**
       * Suicide called when the account has non-default composite data.
       **/
      NonDefaultComposite: AugmentedError<ApiType>;
      /**
       * There is a non-zero reference count preventing the account from being purged.
       **/
      NonZeroRefCount: AugmentedError<ApiType>;
      /**
       * The specification version is not allowed to decrease between the current runtime and the new runtime.
       **/
      SpecVersionNeedsToIncrease: AugmentedError<ApiType>;
    };
    utility: {
      /**
       * Too many calls batched.
       **/
      TooManyCalls: AugmentedError<ApiType>;
    };
  } // AugmentedErrors
} // declare module
