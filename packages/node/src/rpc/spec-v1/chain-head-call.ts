import { hexToU8a, u8aToHex } from '@polkadot/util';
import { z } from 'zod';
import type { RpcMethodTable } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { stateCall } from '../methods/state.ts';
import { hash32, parseParams } from '../params.ts';
import { InvalidRuntimeCallError } from './errors.ts';
import { limitReached } from './chain-head-block.ts';
import type { FollowSubscription } from './follow-subscription.ts';
import type { ConnectionRegistry } from './registry.ts';

/** Hex bytes with or without `0x` (PAPI sends `""` for no parameters, as Substrate accepts). */
const callParameters = z
  .string()
  .regex(/^(0x)?([0-9a-fA-F]{2})*$/, 'expected hex bytes')
  .transform((s) => (s.startsWith('0x') ? s : `0x${s}`));

/** `chainHead_v1_call`: a runtime API call against a pinned block's state. */
export function chainHeadCallMethods(ctx: NodeContext, follows: ConnectionRegistry<FollowSubscription>): RpcMethodTable {
  return {
    chainHead_v1_call: (params, call) => {
      const [id, hash, fn, data] = parseParams(params, z.string(), hash32, z.string(), callParameters);
      const sub = follows.get(call.connectionId, id);
      if (!sub) return limitReached;
      const pinned = sub.pinnedBlock(hash);
      if (!sub.withRuntime) throw new InvalidRuntimeCallError();
      if (sub.freeSlots < 1) return limitReached;
      const op = sub.startOperation(1);
      setImmediate(() => {
        if (op.done) return;
        if (!pinned.state) {
          sub.emit(op, { event: 'operationInaccessible' });
        } else {
          try {
            const output = stateCall(ctx, fn, hexToU8a(data), { ...pinned.record, state: pinned.state });
            sub.emit(op, { event: 'operationCallDone', output: u8aToHex(output) });
          } catch (e) {
            sub.emit(op, { event: 'operationError', error: (e as Error).message ?? String(e) });
          }
        }
        sub.finish(op);
      });
      return { result: 'started', operationId: op.id };
    },
  };
}
