import { T } from '../scale/type-desc.ts';
import { definePallet } from '../framework/pallet.ts';
import { storageFor } from '../framework/storage.ts';
import { AccountId32, Balance } from '../framework/common-types.ts';

const s = storageFor('TransactionPayment');

/** Fee model: base + per byte + per unit of ref_time weight, plus the tip. */
export const BASE_FEE = 1_000_000_000n; // 0.001 DIN
export const BYTE_FEE = 1_000_000n;
export const WEIGHT_FEE_DIVISOR = 10_000n;

export const weightToFee = (refTime: bigint): bigint => refTime / WEIGHT_FEE_DIVISOR;
export const lengthToFee = (len: number): bigint => BYTE_FEE * BigInt(len);

export interface FeeDetails {
  baseFee: bigint;
  lenFee: bigint;
  adjustedWeightFee: bigint;
}

export const feeDetails = (len: number, refTime: bigint): FeeDetails => ({
  baseFee: BASE_FEE,
  lenFee: lengthToFee(len),
  adjustedWeightFee: weightToFee(refTime),
});

export const inclusionFee = (len: number, refTime: bigint): bigint => {
  const d = feeDetails(len, refTime);
  return d.baseFee + d.lenFee + d.adjustedWeightFee;
};

export const TransactionPaymentStorage = {
  NextFeeMultiplier: s.value<bigint>('NextFeeMultiplier', T.composite(['sp_arithmetic', 'fixed_point', 'FixedU128'], [T.u128]), {
    default: 1_000_000_000_000_000_000n,
    docs: [' The fee multiplier (fixed at 1 on DINFRA).'],
  }),
};

/** `pallet_transaction_payment`: fees are withdrawn (and burned) before dispatch by the executive. */
export const TransactionPayment = definePallet({
  name: 'TransactionPayment',
  index: 6,
  crate: 'pallet_transaction_payment',
  storage: TransactionPaymentStorage,
  events: {
    TransactionFeePaid: {
      fields: [['who', AccountId32], ['actual_fee', Balance], ['tip', Balance]],
      docs: [' A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, has been paid by `who`.'],
    },
  },
  constants: {
    OperationalFeeMultiplier: { type: T.u8, value: 5, docs: [' A fee multiplier for `Operational` extrinsics to compute "virtual tip" to boost their `priority`'] },
  },
});
