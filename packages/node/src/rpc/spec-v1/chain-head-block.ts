import { u8aToHex } from '@polkadot/util';
import { z } from 'zod';
import { encodeHeader } from '../../chain/block.ts';
import type { RpcMethodTable } from '../server/index.ts';
import { hash32, parseParams } from '../params.ts';
import { InvalidDuplicateHashesError } from './errors.ts';
import type { FollowSubscription } from './follow-subscription.ts';
import type { ConnectionRegistry } from './registry.ts';

const followId = z.string();
export const limitReached = { result: 'limitReached' } as const;

/** `chainHead_v1_header`, `_body` and `_unpin`: pinned blocks of a follow subscription. */
export function chainHeadBlockMethods(follows: ConnectionRegistry<FollowSubscription>): RpcMethodTable {
  return {
    chainHead_v1_header: (params, call) => {
      const [id, hash] = parseParams(params, followId, hash32);
      const sub = follows.get(call.connectionId, id);
      if (!sub) return null;
      return u8aToHex(encodeHeader(sub.pinnedBlock(hash).record.block.header));
    },
    chainHead_v1_body: (params, call) => {
      const [id, hash] = parseParams(params, followId, hash32);
      const sub = follows.get(call.connectionId, id);
      if (!sub) return limitReached;
      const { record } = sub.pinnedBlock(hash);
      if (sub.freeSlots < 1) return limitReached;
      const op = sub.startOperation(1);
      setImmediate(() => {
        sub.emit(op, { event: 'operationBodyDone', value: record.block.extrinsics.map((x) => u8aToHex(x)) });
        sub.finish(op);
      });
      return { result: 'started', operationId: op.id };
    },
    chainHead_v1_unpin: (params, call) => {
      const [id, hashOrHashes] = parseParams(params, followId, z.union([hash32, z.array(hash32)]));
      const sub = follows.get(call.connectionId, id);
      if (!sub) return null;
      const hashes = Array.isArray(hashOrHashes) ? hashOrHashes : [hashOrHashes];
      if (new Set(hashes).size !== hashes.length) throw new InvalidDuplicateHashesError();
      for (const h of hashes) sub.pinnedBlock(h);
      for (const h of hashes) sub.pinned.delete(h);
      return null;
    },
  };
}
