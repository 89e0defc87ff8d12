/**
 * @dinfra/runtime — the DINFRA runtime: pallets as pure TypeScript state transitions, the
 * metadata they produce, genesis building and the runtime APIs. No I/O.
 *
 * @example
 * ```ts
 * import { dinfraRuntime, Executive, buildGenesisStorage } from '@dinfra/runtime';
 * const runtime = dinfraRuntime();
 * const genesis = buildGenesisStorage({ balances: { balances: [[alice, 10n ** 18n]] } });
 * ```
 */
export { dinfraRuntime, dinfraMetadata, dinfraMetadataHash, registerPallet, SPEC_NAME, SPEC_VERSION } from './dinfra-runtime.ts';
export { buildGenesisStorage, toAccountId } from './genesis.ts';
export type { GenesisConfig } from './genesis.ts';
export { Runtime, ensureRoot, ensureSigned } from './framework/runtime.ts';
export type { RuntimeCallValue, RuntimeVersion, CallInfo } from './framework/runtime.ts';
export { Executive } from './framework/executive.ts';
export type { CheckedInput, ApplyOutcome, ExecutiveOptions } from './framework/executive.ts';
export { Env } from './framework/env.ts';
export type { EventRecordValue, PhaseValue } from './framework/env.ts';
export { Overlay, MapState } from './framework/state.ts';
export type { StateReader, StateAccess, StateChanges } from './framework/state.ts';
export { decodeExtrinsic, encodeUnsignedExtrinsic, signingPayload } from './framework/extrinsic.ts';
export type { DecodedExtrinsic, SignedPart } from './framework/extrinsic.ts';
export { verifyMultiSignature } from './framework/signature.ts';
export { callRuntimeApi, UnknownApiMethodError } from './framework/api-call.ts';
export { encodeMetadata, metadataJson } from './framework/metadata.ts';
export { TransactionValidityError, INVALID_MESSAGES, UNKNOWN_MESSAGES } from './framework/validity.ts';
export type { ValidTransaction, ValidityErrorValue } from './framework/validity.ts';
export { DispatchFailure } from './framework/dispatch-error.ts';
export type { DispatchErrorValue } from './framework/dispatch-error.ts';
export { definePallet, Pallet } from './framework/pallet.ts';
export type { PalletSpec, CallDef, EventDef } from './framework/pallet.ts';
export { storageFor, StorageMap, StorageValue } from './framework/storage.ts';
export { encodeValidity, ApiTypes } from './apis/index.ts';
export { codecOf } from './scale/codec.ts';
export type { Codec } from './scale/codec.ts';
export { decodeExact, decodePrefix, DecodeError } from './scale/decode.ts';
export { T } from './scale/type-desc.ts';
export type { TypeDesc } from './scale/type-desc.ts';
export * as CommonTypes from './framework/common-types.ts';
export { blake2_256, twox128, hashKey } from './hashing.ts';
export { System, SystemStorage, BLOCK_HASH_COUNT } from './pallets/system.ts';
export { Timestamp, TimestampStorage } from './pallets/timestamp.ts';
export { Balances, BalancesStorage, EXISTENTIAL_DEPOSIT, lookup } from './pallets/balances.ts';
export { TransactionPayment, inclusionFee } from './pallets/transaction-payment.ts';
export { Sudo, SudoStorage } from './pallets/sudo.ts';
export { Utility } from './pallets/utility.ts';
export * as Currency from './pallets/currency.ts';
export { IncrementalTrie, trieRoot, orderedTrieRoot, verifyProof } from './trie/index.ts';
export { Header as HeaderType } from './apis/types.ts';
export { Providers, ProvidersStorage, BUILTIN_TYPES, BUILTIN_SCHEMAS, ProvidersConstants, isCid } from './pallets/providers/index.ts';
export type { ProviderInfoValue, OfferingValue, DeploymentTypeValue, BuiltinType } from './pallets/providers/index.ts';
export { Subscriptions, SubscriptionsStorage, SubscriptionsConstants, expiryBlock, owedAt } from './pallets/subscriptions/index.ts';
export type { SubscriptionValue, TargetValue, StatusValue, StatusReportValue, TerminationReasonName } from './pallets/subscriptions/index.ts';
export { bytesToHex, hexToBytes } from './scale/hex.ts';
