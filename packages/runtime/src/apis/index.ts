import { compactAddLength, hexToU8a } from '@polkadot/util';
import { ExtrinsicRef } from '../framework/outer-types.ts';
import { T } from '../scale/type-desc.ts';
import { codecOf } from '../scale/codec.ts';
import { decodeExact } from '../scale/decode.ts';
import { AccountId32, Balance, H256, RuntimeVersionType, Weight } from '../framework/common-types.ts';
import { decodeExtrinsic } from '../framework/extrinsic.ts';
import type { RuntimeApiDef } from '../framework/runtime-api.ts';
import type { Env } from '../framework/env.ts';
import { TransactionValidityError } from '../framework/validity.ts';
import { account } from '../pallets/currency.ts';
import { feeDetails, lengthToFee, weightToFee } from '../pallets/transaction-payment.ts';
import * as Ty from './types.ts';
import { dinfraApi } from './dinfra-api.ts';

/** The context a runtime API call runs in (prepared by the node for the `at` block). */
export interface ApiHost {
  metadata(version: number): Uint8Array | undefined;
  metadataVersions(): number[];
}

const Extrinsic = ExtrinsicRef;
/** API arguments of the extrinsic type arrive without their length prefix (it is the Vec's). */
const opaque = (body: unknown) => compactAddLength(hexToU8a(body as string));
/** Decodes an extrinsic for the fee queries and prices its call. */
function feeQuery(env: Env, uxt: unknown, len: unknown) {
  const xt = decodeExtrinsic(env.runtime, opaque(uxt));
  const origin = xt.signed ? { type: 'Signed' as const, who: xt.signed.signer } : { type: 'None' as const };
  const info = env.runtime.callInfo(env, origin, xt.call);
  return { xt, info, d: feeDetails(len as number, info.weight) };
}

const notCallable = () => {
  throw new Error('only executed by the node itself, not through state_call');
};

/** The runtime APIs of DINFRA, in the order `Core_version` lists them. */
export function runtimeApis(host: () => ApiHost): RuntimeApiDef[] {
  return [
    {
      name: 'Core',
      version: 5,
      docs: [' The `Core` runtime api that every Substrate runtime needs to implement.'],
      methods: [
        { name: 'version', inputs: [], output: RuntimeVersionType, execute: (env) => env.runtime.versionValue() },
        { name: 'execute_block', inputs: [['block', T.seq(T.u8)]], output: T.unit, execute: notCallable },
        { name: 'initialize_block', inputs: [['header', Ty.Header]], output: T.u8, execute: notCallable },
      ],
    },
    {
      name: 'Metadata',
      version: 2,
      docs: [' The `Metadata` api trait that returns metadata for the runtime.'],
      methods: [
        { name: 'metadata', inputs: [], output: Ty.OpaqueMetadata, execute: () => host().metadata(14) },
        {
          name: 'metadata_at_version',
          inputs: [['version', T.u32]],
          output: T.option(Ty.OpaqueMetadata),
          execute: (_env, [version]) => host().metadata(version as number),
        },
        { name: 'metadata_versions', inputs: [], output: T.seq(T.u32), execute: () => host().metadataVersions() },
      ],
    },
    {
      name: 'BlockBuilder',
      version: 6,
      methods: [
        { name: 'apply_extrinsic', inputs: [['extrinsic', Extrinsic]], output: Ty.ApplyExtrinsicResult, execute: notCallable },
        { name: 'finalize_block', inputs: [], output: Ty.Header, execute: notCallable },
        { name: 'inherent_extrinsics', inputs: [['inherent', Ty.InherentData]], output: T.seq(Extrinsic), execute: notCallable },
        { name: 'check_inherents', inputs: [['block', T.seq(T.u8)], ['data', Ty.InherentData]], output: Ty.CheckInherentsResult, execute: notCallable },
      ],
    },
    {
      name: 'TaggedTransactionQueue',
      version: 3,
      methods: [
        {
          name: 'validate_transaction',
          inputs: [['source', Ty.TransactionSource], ['tx', Extrinsic], ['block_hash', H256]],
          output: Ty.TransactionValidity,
          // Executed by the node, which knows the block the transaction is validated at.
          execute: notCallable,
        },
      ],
    },
    {
      name: 'AccountNonceApi',
      version: 1,
      methods: [
        { name: 'account_nonce', inputs: [['account', AccountId32]], output: T.u32, execute: (env, [who]) => account(env, who as string).nonce },
      ],
    },
    {
      name: 'TransactionPaymentApi',
      version: 4,
      methods: [
        {
          name: 'query_info',
          inputs: [['uxt', Extrinsic], ['len', T.u32]],
          output: Ty.RuntimeDispatchInfo,
          execute: (env, [uxt, len]) => {
            const { info, d } = feeQuery(env, uxt, len);
            const partial = info.paysFee ? d.baseFee + d.lenFee + d.adjustedWeightFee : 0n;
            return { weight: { ref_time: info.weight, proof_size: 0n }, class: { type: info.class }, partial_fee: partial };
          },
        },
        {
          name: 'query_fee_details',
          inputs: [['uxt', Extrinsic], ['len', T.u32]],
          output: Ty.FeeDetails,
          execute: (env, [uxt, len]) => {
            const { xt, info, d } = feeQuery(env, uxt, len);
            return {
              inclusion_fee: info.paysFee ? { base_fee: d.baseFee, len_fee: d.lenFee, adjusted_weight_fee: d.adjustedWeightFee } : undefined,
              tip: xt.signed?.tip ?? 0n,
            };
          },
        },
        { name: 'query_weight_to_fee', inputs: [['weight', Weight]], output: Balance, execute: (_env, [w]) => weightToFee((w as { ref_time: bigint }).ref_time) },
        { name: 'query_length_to_fee', inputs: [['length', T.u32]], output: Balance, execute: (_env, [l]) => lengthToFee(l as number) },
      ],
    },
    dinfraApi,
  ];
}

/** Encodes a validity error as the `TransactionValidityError` type (for validate_transaction). */
export function encodeValidity(result: { ok: unknown } | { err: TransactionValidityError }): Uint8Array {
  const codec = codecOf(Ty.TransactionValidity);
  if ('err' in result) return codec.enc({ type: 'Err', value: result.err.value });
  return codec.enc({ type: 'Ok', value: result.ok });
}

export { decodeExact, Ty as ApiTypes };
