/**
 * Subscriptions the gateway holds per client. `legacy` ones survive their upstream's death (moved
 * to another, deduplicated, gaps filled); `pinned` ones live and die with their upstream and end
 * with `endEvent` (the new spec's `stop` / `dropped`).
 */
export type FollowMode = 'new-heads' | 'all-heads' | 'finalized-heads' | 'storage' | 'runtime-version';

export type SubscriptionKind =
  | { type: 'legacy'; mode: FollowMode; notification: string; unsubscribe: readonly string[] }
  | { type: 'pinned'; notification: string; unsubscribe: readonly string[]; endEvent: unknown };

const legacy = (mode: FollowMode, notification: string, ...unsubscribe: string[]): SubscriptionKind => ({ type: 'legacy', mode, notification, unsubscribe });

export const SUBSCRIPTIONS: Readonly<Record<string, SubscriptionKind>> = {
  chain_subscribeNewHeads: legacy('new-heads', 'chain_newHead', 'chain_unsubscribeNewHeads'),
  chain_subscribeNewHead: legacy('new-heads', 'chain_newHead', 'chain_unsubscribeNewHead'),
  subscribe_newHead: legacy('new-heads', 'chain_newHead', 'unsubscribe_newHead'),
  chain_subscribeAllHeads: legacy('all-heads', 'chain_allHead', 'chain_unsubscribeAllHeads'),
  chain_subscribeFinalizedHeads: legacy('finalized-heads', 'chain_finalizedHead', 'chain_unsubscribeFinalizedHeads'),
  chain_subscribeFinalisedHeads: legacy('finalized-heads', 'chain_finalizedHead', 'chain_unsubscribeFinalisedHeads'),
  state_subscribeStorage: legacy('storage', 'state_storage', 'state_unsubscribeStorage'),
  state_subscribeRuntimeVersion: legacy('runtime-version', 'state_runtimeVersion', 'state_unsubscribeRuntimeVersion'),
  chain_subscribeRuntimeVersion: legacy('runtime-version', 'state_runtimeVersion', 'chain_unsubscribeRuntimeVersion'),
  author_submitAndWatchExtrinsic: { type: 'pinned', notification: 'author_extrinsicUpdate', unsubscribe: ['author_unwatchExtrinsic'], endEvent: 'dropped' },
  chainHead_v1_follow: { type: 'pinned', notification: 'chainHead_v1_followEvent', unsubscribe: ['chainHead_v1_unfollow'], endEvent: { event: 'stop' } },
  transactionWatch_v1_submitAndWatch: {
    type: 'pinned',
    notification: 'transactionWatch_v1_watchEvent',
    unsubscribe: ['transactionWatch_v1_unwatch'],
    endEvent: { event: 'dropped', error: 'the gateway lost its connection to the node watching this transaction' },
  },
};

/** Every unsubscribe method name. */
export const UNSUBSCRIBE_METHODS: ReadonlySet<string> = new Set(Object.values(SUBSCRIPTIONS).flatMap((k) => k.unsubscribe));
