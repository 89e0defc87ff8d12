// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/events';

import type { ApiTypes, AugmentedEvent } from '@polkadot/api-base/types';
import type { Bytes, Null, Option, Result, bool, u128, u32, u64 } from '@polkadot/types-codec';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportDispatchDispatchInfo, FrameSupportTokensMiscBalanceStatus, PalletDinfraSubscriptionsLossCause, PalletDinfraSubscriptionsSubscriptionStatus, PalletDinfraSubscriptionsTerminationReason, SpRuntimeDispatchError } from '@polkadot/types/lookup';

export type __AugmentedEvent<ApiType extends ApiTypes> = AugmentedEvent<ApiType>;

declare module '@polkadot/api-base/types/events' {
  interface AugmentedEvents<ApiType extends ApiTypes> {
    balances: {
      /**
       * A balance was set by root.
       **/
      BalanceSet: AugmentedEvent<ApiType, [who: AccountId32, free: u128], { who: AccountId32, free: u128 }>;
      /**
       * Some amount was deposited (e.g. for transaction fees).
       **/
      Deposit: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * An account was removed whose balance was non-zero but below ExistentialDeposit, resulting in an outright loss.
       **/
      DustLost: AugmentedEvent<ApiType, [account: AccountId32, amount: u128], { account: AccountId32, amount: u128 }>;
      /**
       * An account was created with some free balance.
       **/
      Endowed: AugmentedEvent<ApiType, [account: AccountId32, freeBalance: u128], { account: AccountId32, freeBalance: u128 }>;
      /**
       * Some balance was reserved (moved from free to reserved).
       **/
      Reserved: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was moved from the reserve of the first account to the second account.
       **/
      ReserveRepatriated: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128, destinationStatus: FrameSupportTokensMiscBalanceStatus], { from: AccountId32, to: AccountId32, amount: u128, destinationStatus: FrameSupportTokensMiscBalanceStatus }>;
      /**
       * Transfer succeeded.
       **/
      Transfer: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128], { from: AccountId32, to: AccountId32, amount: u128 }>;
      /**
       * Some balance was unreserved (moved from reserved to free).
       **/
      Unreserved: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some amount was withdrawn from the account (e.g. for transaction fees).
       **/
      Withdraw: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
    };
    providers: {
      /**
       * A deployment type was registered.
       **/
      DeploymentTypeRegistered: AugmentedEvent<ApiType, [typeId: u32, name: Bytes, schemaCid: Bytes, owner: Option<AccountId32>, deposit: u128], { typeId: u32, name: Bytes, schemaCid: Bytes, owner: Option<AccountId32>, deposit: u128 }>;
      /**
       * An offering was closed: removed when it held no live subscription, else kept closed.
       **/
      OfferingClosed: AugmentedEvent<ApiType, [provider: AccountId32, typeId: u32, removed: bool], { provider: AccountId32, typeId: u32, removed: bool }>;
      /**
       * An offering was created or changed.
       **/
      OfferingSet: AugmentedEvent<ApiType, [provider: AccountId32, typeId: u32, capacity: u32, pricePerBlock: u128, open: bool], { provider: AccountId32, typeId: u32, capacity: u32, pricePerBlock: u128, open: bool }>;
      /**
       * A provider set its operator key.
       **/
      OperatorSet: AugmentedEvent<ApiType, [provider: AccountId32, operator: AccountId32], { provider: AccountId32, operator: AccountId32 }>;
      /**
       * A provider deregistered; its deposit was released.
       **/
      ProviderDeregistered: AugmentedEvent<ApiType, [provider: AccountId32, deposit: u128], { provider: AccountId32, deposit: u128 }>;
      /**
       * A provider paused: it receives no new awards.
       **/
      ProviderPaused: AugmentedEvent<ApiType, [provider: AccountId32], { provider: AccountId32 }>;
      /**
       * A provider registered and `deposit` was reserved.
       **/
      ProviderRegistered: AugmentedEvent<ApiType, [provider: AccountId32, name: Bytes, operator: AccountId32, deposit: u128], { provider: AccountId32, name: Bytes, operator: AccountId32, deposit: u128 }>;
      /**
       * A paused provider resumed.
       **/
      ProviderResumed: AugmentedEvent<ApiType, [provider: AccountId32], { provider: AccountId32 }>;
    };
    subscriptions: {
      /**
       * A subscription was awarded to a provider, which must report Provisioning before `ack_deadline`.
       **/
      Awarded: AugmentedEvent<ApiType, [id: u64, provider: AccountId32, pricePerBlock: u128, ackDeadline: u32], { id: u64, provider: AccountId32, pricePerBlock: u128, ackDeadline: u32 }>;
      /**
       * A provider lost the award: no Provisioning report in time, or a Failed report (its reason in `cause`).
       **/
      AwardLost: AugmentedEvent<ApiType, [id: u64, provider: AccountId32, cause: PalletDinfraSubscriptionsLossCause], { id: u64, provider: AccountId32, cause: PalletDinfraSubscriptionsLossCause }>;
      /**
       * Billing started (first Running report of this award); `expires_at` is None for free offerings.
       **/
      BillingStarted: AugmentedEvent<ApiType, [id: u64, from: u32, expiresAt: Option<u32>], { id: u64, from: u32, expiresAt: Option<u32> }>;
      /**
       * The deposit runs out at `expires_at`, LowFundsWarning blocks (or fewer) from now.
       **/
      FundsLow: AugmentedEvent<ApiType, [id: u64, remaining: u128, expiresAt: u32], { id: u64, remaining: u128, expiresAt: u32 }>;
      /**
       * A terminated subscription was removed from storage.
       **/
      Purged: AugmentedEvent<ApiType, [id: u64], { id: u64 }>;
      /**
       * `amount` was paid from the deposit to the provider for the blocks up to `settled_to`.
       **/
      Settled: AugmentedEvent<ApiType, [id: u64, provider: AccountId32, amount: u128, settledTo: u32], { id: u64, provider: AccountId32, amount: u128, settledTo: u32 }>;
      /**
       * The assigned provider reported a new status.
       **/
      StatusChanged: AugmentedEvent<ApiType, [id: u64, provider: AccountId32, status: PalletDinfraSubscriptionsSubscriptionStatus], { id: u64, provider: AccountId32, status: PalletDinfraSubscriptionsSubscriptionStatus }>;
      /**
       * A subscription was created and its deposit reserved.
       **/
      Subscribed: AugmentedEvent<ApiType, [id: u64, subscriber: AccountId32, typeId: u32, deposit: u128], { id: u64, subscriber: AccountId32, typeId: u32, deposit: u128 }>;
      /**
       * The subscription ended; `refund` was returned to the subscriber.
       **/
      Terminated: AugmentedEvent<ApiType, [id: u64, provider: AccountId32, reason: PalletDinfraSubscriptionsTerminationReason, refund: u128], { id: u64, provider: AccountId32, reason: PalletDinfraSubscriptionsTerminationReason, refund: u128 }>;
      /**
       * The deposit was increased; `deposit` is the new unsettled deposit.
       **/
      ToppedUp: AugmentedEvent<ApiType, [id: u64, amount: u128, deposit: u128, expiresAt: Option<u32>], { id: u64, amount: u128, deposit: u128, expiresAt: Option<u32> }>;
    };
    sudo: {
      /**
       * The sudo key has been updated.
       **/
      KeyChanged: AugmentedEvent<ApiType, [old: Option<AccountId32>, new_: AccountId32], { old: Option<AccountId32>, new_: AccountId32 }>;
      /**
       * The key was permanently removed.
       **/
      KeyRemoved: AugmentedEvent<ApiType, []>;
      /**
       * A sudo call just took place.
       **/
      Sudid: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
      /**
       * A [sudo_as](Pallet::sudo_as) call just took place.
       **/
      SudoAsDone: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
    };
    system: {
      /**
       * `:code` was updated.
       **/
      CodeUpdated: AugmentedEvent<ApiType, []>;
      /**
       * An extrinsic failed.
       **/
      ExtrinsicFailed: AugmentedEvent<ApiType, [dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSupportDispatchDispatchInfo], { dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSupportDispatchDispatchInfo }>;
      /**
       * An extrinsic completed successfully.
       **/
      ExtrinsicSuccess: AugmentedEvent<ApiType, [dispatchInfo: FrameSupportDispatchDispatchInfo], { dispatchInfo: FrameSupportDispatchDispatchInfo }>;
      /**
       * An account was reaped.
       **/
      KilledAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      /**
       * A new account was created.
       **/
      NewAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      /**
       * On on-chain remark happened.
       **/
      Remarked: AugmentedEvent<ApiType, [sender: AccountId32, hash_: H256], { sender: AccountId32, hash_: H256 }>;
    };
    transactionPayment: {
      /**
       * A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, has been paid by `who`.
       **/
      TransactionFeePaid: AugmentedEvent<ApiType, [who: AccountId32, actualFee: u128, tip: u128], { who: AccountId32, actualFee: u128, tip: u128 }>;
    };
    utility: {
      /**
       * Batch of dispatches completed fully with no error.
       **/
      BatchCompleted: AugmentedEvent<ApiType, []>;
      /**
       * Batch of dispatches completed but has errors.
       **/
      BatchCompletedWithErrors: AugmentedEvent<ApiType, []>;
      /**
       * Batch of dispatches did not complete fully. Index of first failing dispatch given, as well as the error.
       **/
      BatchInterrupted: AugmentedEvent<ApiType, [index: u32, error: SpRuntimeDispatchError], { index: u32, error: SpRuntimeDispatchError }>;
      /**
       * A single item within a Batch of dispatches has completed with no error.
       **/
      ItemCompleted: AugmentedEvent<ApiType, []>;
      /**
       * A single item within a Batch of dispatches has completed with error.
       **/
      ItemFailed: AugmentedEvent<ApiType, [error: SpRuntimeDispatchError], { error: SpRuntimeDispatchError }>;
    };
  } // AugmentedEvents
} // declare module
