import { T } from '../scale/type-desc.ts';
import { Balance, DispatchClass, DispatchError, Weight, H256 } from '../framework/common-types.ts';

export const InvalidTransaction = T.variant(['sp_runtime', 'transaction_validity', 'InvalidTransaction'], [
  { name: 'Call' }, { name: 'Payment' }, { name: 'Future' }, { name: 'Stale' }, { name: 'BadProof' },
  { name: 'AncientBirthBlock' }, { name: 'ExhaustsResources' }, { name: 'Custom', fields: [T.u8] },
  { name: 'BadMandatory' }, { name: 'MandatoryValidation' }, { name: 'BadSigner' },
]);
export const UnknownTransaction = T.variant(['sp_runtime', 'transaction_validity', 'UnknownTransaction'], [
  { name: 'CannotLookup' }, { name: 'NoUnsignedValidator' }, { name: 'Custom', fields: [T.u8] },
]);
export const TransactionValidityErrorType = T.variant(['sp_runtime', 'transaction_validity', 'TransactionValidityError'], [
  { name: 'Invalid', fields: [InvalidTransaction] },
  { name: 'Unknown', fields: [UnknownTransaction] },
]);
export const ValidTransactionType = T.composite(['sp_runtime', 'transaction_validity', 'ValidTransaction'], [
  ['priority', T.u64], ['requires', T.seq(T.seq(T.u8))], ['provides', T.seq(T.seq(T.u8))], ['longevity', T.u64], ['propagate', T.bool],
]);
export const TransactionSource = T.variant(['sp_runtime', 'transaction_validity', 'TransactionSource'], [
  { name: 'InBlock' }, { name: 'Local' }, { name: 'External' },
]);
export const TransactionValidity = T.result(ValidTransactionType, TransactionValidityErrorType);
export const ApplyExtrinsicResult = T.result(T.result(T.unit, DispatchError), TransactionValidityErrorType);
export const RuntimeDispatchInfo = T.composite(['pallet_transaction_payment', 'types', 'RuntimeDispatchInfo'], [
  ['weight', Weight], ['class', DispatchClass], ['partial_fee', Balance],
], { params: [{ name: 'Balance', type: Balance }, { name: 'Weight', type: Weight }] });
export const InclusionFee = T.composite(['pallet_transaction_payment', 'types', 'InclusionFee'], [
  ['base_fee', Balance], ['len_fee', Balance], ['adjusted_weight_fee', Balance],
], { params: [{ name: 'Balance', type: Balance }] });
export const FeeDetails = T.composite(['pallet_transaction_payment', 'types', 'FeeDetails'], [
  ['inclusion_fee', T.option(InclusionFee)], ['tip', Balance],
], { params: [{ name: 'Balance', type: Balance }] });
export const OpaqueMetadata = T.composite(['sp_core', 'OpaqueMetadata'], [T.seq(T.u8)]);
export const DigestItem = T.variant(['sp_runtime', 'generic', 'digest', 'DigestItem'], [
  { name: 'Other', index: 0, fields: [T.seq(T.u8)] },
  { name: 'Consensus', index: 4, fields: [T.array(4, T.u8), T.seq(T.u8)] },
  { name: 'Seal', index: 5, fields: [T.array(4, T.u8), T.seq(T.u8)] },
  { name: 'PreRuntime', index: 6, fields: [T.array(4, T.u8), T.seq(T.u8)] },
  { name: 'RuntimeEnvironmentUpdated', index: 8 },
]);
export const Digest = T.composite(['sp_runtime', 'generic', 'digest', 'Digest'], [['logs', T.seq(DigestItem)]]);
export const Header = T.composite(['sp_runtime', 'generic', 'header', 'Header'], [
  ['parent_hash', H256], ['number', T.compact(T.u32)], ['state_root', H256], ['extrinsics_root', H256], ['digest', Digest],
], { params: [{ name: 'Number', type: T.u32 }] });
export const InherentData = T.composite(['sp_inherents', 'InherentData'], [
  ['data', T.seq(T.tuple(T.array(8, T.u8), T.seq(T.u8)))],
]);
export const CheckInherentsResult = T.composite(['sp_inherents', 'CheckInherentsResult'], [
  ['okay', T.bool], ['fatal_error', T.bool], ['errors', InherentData],
]);
