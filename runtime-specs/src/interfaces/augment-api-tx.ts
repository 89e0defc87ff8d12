// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/submittable';

import type { ApiTypes, AugmentedSubmittable, SubmittableExtrinsic, SubmittableExtrinsicFunction } from '@polkadot/api-base/types';
import type { Bytes, Compact, Vec, bool, u128, u32, u64 } from '@polkadot/types-codec';
import type { AnyNumber, IMethod } from '@polkadot/types-codec/types';
import type { AccountId32, Call, MultiAddress } from '@polkadot/types/interfaces/runtime';
import type { PalletDinfraSubscriptionsStatusReport, PalletDinfraSubscriptionsTarget, SpWeightsWeightV2Weight } from '@polkadot/types/lookup';

export type __AugmentedSubmittable = AugmentedSubmittable<() => unknown>;
export type __SubmittableExtrinsic<ApiType extends ApiTypes> = SubmittableExtrinsic<ApiType>;
export type __SubmittableExtrinsicFunction<ApiType extends ApiTypes> = SubmittableExtrinsicFunction<ApiType>;

declare module '@polkadot/api-base/types/submittable' {
  interface AugmentedSubmittables<ApiType extends ApiTypes> {
    balances: {
      /**
       * Set the regular balance of a given account. The dispatch origin for this call is `root`.
       **/
      forceSetBalance: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, newFree: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      /**
       * Exactly as `transfer_allow_death`, except the origin must be root and the source account may be specified.
       **/
      forceTransfer: AugmentedSubmittable<(source: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, MultiAddress, Compact<u128>]>;
      /**
       * Transfer the entire transferable balance from the caller account.
       **/
      transferAll: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, keepAlive: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, bool]>;
      /**
       * Transfer some liquid free balance to another account.
       **/
      transferAllowDeath: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      /**
       * Same as the `transfer_allow_death` call, but with a check that the transfer will not kill the origin account.
       **/
      transferKeepAlive: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
    };
    providers: {
      /**
       * Closes the caller's offering of a type: it receives no new awards. It is removed at once
       * when it holds no live subscription, else kept (closed) so its used capacity stays counted.
       **/
      closeOffering: AugmentedSubmittable<(typeId: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * Deregisters the calling provider: removes its offerings and releases its deposit. Refused while it holds live subscriptions.
       **/
      deregister: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Pauses the calling provider: it receives no new awards (existing subscriptions continue).
       **/
      pause: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Registers the caller as a provider, reserving `ProviderDeposit`. `operator` is the key its gateway signs with.
       **/
      register: AugmentedSubmittable<(name: Bytes | string | Uint8Array, apiUrl: Bytes | string | Uint8Array, operator: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes, Bytes, AccountId32]>;
      /**
       * Registers a deployment type: a name and the CID of the JSON Schema its descriptors match.
       * Root registers without deposit; a registered provider reserves `TypeDeposit`.
       **/
      registerType: AugmentedSubmittable<(name: Bytes | string | Uint8Array, schemaCid: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes, Bytes]>;
      /**
       * Resumes a paused provider.
       **/
      resume: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Creates or changes the caller's offering of a deployment type. Existing subscriptions keep
       * the price they were awarded at; `used` is kept. Capacity may be set below `used`.
       **/
      setOffering: AugmentedSubmittable<(typeId: u32 | AnyNumber | Uint8Array, capacity: u32 | AnyNumber | Uint8Array, pricePerBlock: u128 | AnyNumber | Uint8Array, regions: Vec<Bytes> | (Bytes | string | Uint8Array)[], open: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, u32, u128, Vec<Bytes>, bool]>;
      /**
       * Sets the operator key of the calling provider.
       **/
      setOperator: AugmentedSubmittable<(operator: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [AccountId32]>;
    };
    subscriptions: {
      /**
       * The assigned provider (or its operator) reports the deployment's status. Only legal
       * transitions are accepted; a valid report pays no fee. Failed loses the award; its reason
       * (UTF-8, at most MaxReasonLen bytes) is carried in AwardLost and kept in `last_loss`.
       **/
      reportStatus: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array, report: PalletDinfraSubscriptionsStatusReport | { Provisioning: any } | { Running: any } | { Degraded: any } | { Failed: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, PalletDinfraSubscriptionsStatusReport]>;
      /**
       * Anyone may settle a billing subscription: pays the provider what is owed up to this block.
       **/
      settle: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      /**
       * Subscribes to a deployment: awards it at once to the best offering that fits (see the
       * spec for the order) and reserves `deposit`. Fails with the reason when nothing fits.
       **/
      subscribe: AugmentedSubmittable<(target: PalletDinfraSubscriptionsTarget | { Provider: any } | { Selector: any } | string | Uint8Array, descriptorCid: Bytes | string | Uint8Array, deposit: u128 | AnyNumber | Uint8Array, maxPricePerBlock: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletDinfraSubscriptionsTarget, Bytes, u128, u128]>;
      /**
       * Ends a subscription: by the subscriber (BySubscriber) or by the assigned provider or its
       * operator (ByProvider). Settles what is owed and refunds the rest of the deposit.
       **/
      terminate: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      /**
       * The subscriber adds `amount` to the deposit (settling first when billing), pushing the expiry out.
       **/
      topUp: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array, amount: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, u128]>;
    };
    sudo: {
      /**
       * Permanently removes the sudo key.
       **/
      removeKey: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo key.
       **/
      setKey: AugmentedSubmittable<(updated: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Root` origin.
       **/
      sudo: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Signed` origin from a given account.
       **/
      sudoAs: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Call]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Root` origin, with a given weight.
       **/
      sudoUncheckedWeight: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array, weight: SpWeightsWeightV2Weight | { refTime?: any; proofSize?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call, SpWeightsWeightV2Weight]>;
    };
    system: {
      /**
       * Make some on-chain remark.
       **/
      remark: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Make some on-chain remark and emit event.
       **/
      remarkWithEvent: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
    };
    timestamp: {
      /**
       * Set the current time. Inherent: must be the first extrinsic of every block, unsigned.
       * DINFRA blocks may be authored on demand (instant sealing), so the rule enforced is that
       * time strictly increases, not `MinimumPeriod`.
       **/
      set: AugmentedSubmittable<(now: Compact<u64> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [Compact<u64>]>;
    };
    utility: {
      /**
       * Send a batch of dispatch calls. Stops at the first failure; earlier calls stay applied.
       **/
      batch: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      /**
       * Send a batch of dispatch calls and atomically execute them: all succeed or none does.
       **/
      batchAll: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      /**
       * Send a batch of dispatch calls. Unlike `batch`, it continues past failures.
       **/
      forceBatch: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
    };
  } // AugmentedSubmittables
} // declare module
