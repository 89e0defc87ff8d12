import { hexToU8a, u8aToHex, bnToHex } from '@polkadot/util';
import { codecOf, decodeExact, ApiTypes, T } from '@dinfra/runtime';
import type { RpcMethodTable } from '../server/index.ts';
import { RpcError } from '../server/index.ts';
import { stateAt, type NodeContext } from '../context.ts';
import { hex, optHash, parseParams } from '../params.ts';
import { stateCall } from './state.ts';

const u32 = codecOf(T.u32);

function query(ctx: NodeContext, api: string, params: unknown[]) {
  const [xt, at] = parseParams(params, hex, optHash);
  const bytes = hexToU8a(xt);
  const input = new Uint8Array([...bytes, ...u32.enc(bytes.length)]);
  try {
    return stateCall(ctx, `TransactionPaymentApi_${api}`, input, stateAt(ctx, at));
  } catch (e) {
    if (e instanceof RpcError) throw e;
    throw new RpcError(4003, `Client error: Execution failed: ${(e as Error).message}`);
  }
}

/** `payment_*`: the legacy fee RPCs, answered through TransactionPaymentApi. */
export function paymentMethods(ctx: NodeContext): RpcMethodTable {
  return {
    payment_queryInfo: (params) => {
      const info = decodeExact(codecOf(ApiTypes.RuntimeDispatchInfo), query(ctx, 'query_info', params));
      return {
        weight: { refTime: Number(info.weight.ref_time), proofSize: Number(info.weight.proof_size) },
        class: String(info.class.type).toLowerCase(),
        partialFee: info.partial_fee.toString(),
      };
    },
    payment_queryFeeDetails: (params) => {
      const d = decodeExact(codecOf(ApiTypes.FeeDetails), query(ctx, 'query_fee_details', params));
      const h = (v: bigint) => bnToHex(v);
      return {
        inclusionFee: d.inclusion_fee
          ? { baseFee: h(d.inclusion_fee.base_fee), lenFee: h(d.inclusion_fee.len_fee), adjustedWeightFee: h(d.inclusion_fee.adjusted_weight_fee) }
          : null,
        tip: h(d.tip),
      };
    },
  };
}

export { u8aToHex };
