/** Limits of the chainHead_v1 / transaction_v1 groups (Substrate's defaults where it has them). */
export interface SpecV1Options {
  /** `chainHead_v1_follow` subscriptions per connection (spec minimum 2; Substrate 4). @default 4 */
  maxFollowSubscriptionsPerConnection: number;
  /** Pinned blocks per follow subscription before it is stopped (Substrate 512). @default 512 */
  maxPinnedBlocks: number;
  /** Concurrent operations per follow subscription; each storage item counts as one (spec minimum 16). @default 16 */
  maxOngoingOperations: number;
  /** Storage items sent before `operationWaitingForContinue`. @default 64 */
  storageItemsPerPage: number;
  /** Concurrent `transaction_v1_broadcast` operations per connection (spec minimum 4). @default 64 */
  maxBroadcastsPerConnection: number;
}

export const DEFAULT_SPEC_V1_OPTIONS: SpecV1Options = {
  maxFollowSubscriptionsPerConnection: 4,
  maxPinnedBlocks: 512,
  maxOngoingOperations: 16,
  storageItemsPerPage: 64,
  maxBroadcastsPerConnection: 64,
};
