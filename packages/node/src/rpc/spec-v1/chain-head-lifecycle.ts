import { z } from 'zod';
import type { RpcMethodTable } from '../server/index.ts';
import { parseParams } from '../params.ts';
import type { FollowSubscription } from './follow-subscription.ts';
import type { ConnectionRegistry } from './registry.ts';

/** `chainHead_v1_stopOperation` and `chainHead_v1_unfollow` (both return null, ignore stale ids). */
export function chainHeadLifecycleMethods(follows: ConnectionRegistry<FollowSubscription>): RpcMethodTable {
  return {
    chainHead_v1_stopOperation: (params, call) => {
      const [id, operationId] = parseParams(params, z.string(), z.string());
      const sub = follows.get(call.connectionId, id);
      const op = sub?.operations.get(operationId);
      if (sub && op) sub.finish(op);
      return null;
    },
    chainHead_v1_unfollow: (params, call) => {
      const [id] = parseParams(params, z.string());
      follows.get(call.connectionId, id)?.sink.close();
      return null;
    },
  };
}
