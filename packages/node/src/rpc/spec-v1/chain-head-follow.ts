import { z } from 'zod';
import type { BlockRecord } from '../../chain/chain.ts';
import type { RpcSubscription } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { parseParams } from '../params.ts';
import { FollowLimitError } from './errors.ts';
import { FollowSubscription } from './follow-subscription.ts';
import type { SpecV1Options } from './options.ts';
import type { ConnectionRegistry } from './registry.ts';
import { runtimeSpecJson } from './runtime-spec.ts';

/**
 * `chainHead_v1_follow`: `initialized` (the finalized block, pinned), a `newBlock` for each
 * non-finalized block then `bestBlockChanged`; afterwards `newBlock` + `bestBlockChanged` per
 * imported block and `finalized` per finalized block. The chain is linear: nothing is ever pruned.
 */
export function chainHeadFollow(ctx: NodeContext, follows: ConnectionRegistry<FollowSubscription>, options: SpecV1Options): RpcSubscription {
  return {
    notification: 'chainHead_v1_followEvent',
    // chainHead_v1_unfollow is a plain method (it returns null, as the spec says).
    unsubscribe: [],
    start: (params, sink, call) => {
      const [withRuntime] = parseParams(params, z.boolean());
      if (follows.countFor(call.connectionId) >= options.maxFollowSubscriptionsPerConnection) {
        throw new FollowLimitError(options.maxFollowSubscriptionsPerConnection);
      }
      const sub = new FollowSubscription(withRuntime, sink, options);
      follows.set(call.connectionId, sink.id, sub);

      const announce = (r: BlockRecord): boolean => {
        if (!sub.pin(r)) {
          sub.stop();
          return false;
        }
        sub.send({
          event: 'newBlock',
          blockHash: r.block.hash,
          parentBlockHash: r.block.header.parentHash,
          ...(withRuntime ? { newRuntime: null } : {}),
        });
        return true;
      };
      const onNewBlock = (r: BlockRecord) => {
        if (announce(r)) sub.send({ event: 'bestBlockChanged', bestBlockHash: r.block.hash });
      };
      const onFinalized = (r: BlockRecord) => {
        if (sub.alive) sub.send({ event: 'finalized', finalizedBlockHashes: [r.block.hash], prunedBlockHashes: [] });
      };

      const finalized = ctx.chain.finalized;
      sub.pin(finalized);
      sub.send({
        event: 'initialized',
        finalizedBlockHashes: [finalized.block.hash],
        ...(withRuntime ? { finalizedBlockRuntime: runtimeSpecJson(ctx) } : {}),
      });
      const best = ctx.chain.best.block.header.number;
      let ok = true;
      for (let n = finalized.block.header.number + 1; n <= best && ok; n++) ok = announce(ctx.chain.byNumber(n)!);
      if (ok) sub.send({ event: 'bestBlockChanged', bestBlockHash: ctx.chain.best.block.hash });

      ctx.chain.on('newBlock', onNewBlock);
      ctx.chain.on('finalized', onFinalized);
      return () => {
        ctx.chain.off('newBlock', onNewBlock);
        ctx.chain.off('finalized', onFinalized);
        follows.delete(call.connectionId, sink.id);
        sub.dispose();
      };
    },
  };
}
