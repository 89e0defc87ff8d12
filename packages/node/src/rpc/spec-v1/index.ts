/**
 * The new JSON-RPC interface (paritytech/json-rpc-interface-spec) for dinfra-node:
 * `chainSpec_v1_*`, `chainHead_v1_*`, `transaction_v1_*` and `transactionWatch_v1_*`.
 *
 * Each group is a table builder `(ctx) => RpcMethodTable`; the node merges them into its RPC
 * table, and `rpc_methods` lists them.
 *
 * @example
 * import { chainHeadExtensions } from './rpc/spec-v1/index.ts';
 * await NodeService.start({ config, logger, version, rpcExtensions: chainHeadExtensions });
 */
import type { RpcMethodTable } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { chainHeadBlockMethods } from './chain-head-block.ts';
import { chainHeadCallMethods } from './chain-head-call.ts';
import { chainHeadFollow } from './chain-head-follow.ts';
import { chainHeadLifecycleMethods } from './chain-head-lifecycle.ts';
import { chainHeadStorageMethods } from './chain-head-storage.ts';
import { chainSpecMethods } from './chain-spec.ts';
import type { FollowSubscription } from './follow-subscription.ts';
import { DEFAULT_SPEC_V1_OPTIONS, type SpecV1Options } from './options.ts';
import { ConnectionRegistry } from './registry.ts';
import { transactionMethods } from './transaction.ts';
import { transactionWatchMethods } from './transaction-watch.ts';

/** Every `chainHead_v1_*` method, sharing one registry of follow subscriptions. */
export function chainHeadMethods(ctx: NodeContext, options: Partial<SpecV1Options> = {}): RpcMethodTable {
  const opts = { ...DEFAULT_SPEC_V1_OPTIONS, ...options };
  const follows = new ConnectionRegistry<FollowSubscription>();
  return {
    chainHead_v1_follow: chainHeadFollow(ctx, follows, opts),
    ...chainHeadBlockMethods(follows),
    ...chainHeadCallMethods(ctx, follows),
    ...chainHeadStorageMethods(follows),
    ...chainHeadLifecycleMethods(follows),
  };
}

/** The new JSON-RPC spec groups (chainSpec_v1, chainHead_v1, transaction_v1, transactionWatch_v1). */
export const chainHeadExtensions: Array<(ctx: NodeContext) => RpcMethodTable> = [
  chainSpecMethods,
  (ctx) => chainHeadMethods(ctx),
  (ctx) => transactionMethods(ctx, DEFAULT_SPEC_V1_OPTIONS),
  transactionWatchMethods,
];

export { chainSpecMethods, transactionMethods, transactionWatchMethods };
export { DEFAULT_SPEC_V1_OPTIONS };
export type { SpecV1Options };
export * from './errors.ts';
