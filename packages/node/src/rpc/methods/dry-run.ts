import { hexToU8a, u8aToHex } from '@polkadot/util';
import { ApiTypes, codecOf, decodeExtrinsic, DecodeError, TransactionValidityError } from '@dinfra/runtime';
import { RpcError, type RpcMethodTable } from '../server/index.ts';
import { timestampInherent } from '../../chain/execute-block.ts';
import { stateAt, type NodeContext } from '../context.ts';
import { hex, optHash, parseParams } from '../params.ts';

const applyResult = codecOf(ApiTypes.ApplyExtrinsicResult);

/**
 * `system_dryRun`: applies an extrinsic on top of block `at` (default best) as the next block
 * would, and returns the SCALE `ApplyExtrinsicResult`; nothing is kept.
 */
export function dryRunMethods(ctx: NodeContext): RpcMethodTable {
  return {
    system_dryRun: (params) => {
      const [xtHex, at] = parseParams(params, hex, optHash);
      const parent = stateAt(ctx, at);
      let xt;
      try {
        xt = decodeExtrinsic(ctx.runtime, hexToU8a(xtHex));
      } catch (e) {
        if (e instanceof DecodeError) throw new RpcError(1001, `Extrinsic has invalid format: ${e.message}`);
        throw e;
      }
      const { executive } = ctx;
      const env = executive.beginBlock(parent.state, parent.block.header.number + 1, parent.block.hash);
      executive.applyExtrinsic(env, timestampInherent(executive, BigInt(Date.now())), 0);
      try {
        const outcome = executive.applyExtrinsic(env, xt, 1);
        const inner = outcome.ok ? { type: 'Ok' } : { type: 'Err', value: outcome.error };
        return u8aToHex(applyResult.enc({ type: 'Ok', value: inner }));
      } catch (e) {
        if (e instanceof TransactionValidityError) return u8aToHex(applyResult.enc({ type: 'Err', value: e.value }));
        throw e;
      }
    },
  };
}
