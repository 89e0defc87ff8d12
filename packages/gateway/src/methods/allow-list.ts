/**
 * The methods @polkadot/api and polkadot-api call (legacy and the new JSON-RPC spec), allowed by
 * default. Left out on purpose: unbounded or expensive queries (`state_getKeys`, `state_getPairs`,
 * `state_queryStorage`, `state_traceBlock`), node administration (`author_insertKey`,
 * `author_rotateKeys`, `author_removeExtrinsic`, `system_addReservedPeer` …), network details
 * (`system_peers`, `system_networkState`) and dev/unsafe methods (`dev_*`, `system_dryRun`).
 */
export const DEFAULT_ALLOWED_METHODS: readonly string[] = [
  'rpc_methods',
  // system
  'system_chain', 'system_chainType', 'system_health', 'system_name', 'system_properties', 'system_version',
  'system_accountNextIndex', 'system_syncState', 'system_nodeRoles', 'system_localPeerId', 'account_nextIndex',
  // chain
  'chain_getBlock', 'chain_getBlockHash', 'chain_getHead', 'chain_getHeader', 'chain_getFinalizedHead', 'chain_getFinalisedHead', 'chain_getRuntimeVersion',
  'chain_subscribeNewHeads', 'chain_unsubscribeNewHeads', 'chain_subscribeNewHead', 'chain_unsubscribeNewHead', 'subscribe_newHead', 'unsubscribe_newHead',
  'chain_subscribeFinalizedHeads', 'chain_unsubscribeFinalizedHeads', 'chain_subscribeFinalisedHeads', 'chain_unsubscribeFinalisedHeads',
  'chain_subscribeAllHeads', 'chain_unsubscribeAllHeads', 'chain_subscribeRuntimeVersion', 'chain_unsubscribeRuntimeVersion',
  // state
  'state_call', 'state_callAt', 'state_getStorage', 'state_getStorageAt', 'state_getStorageHash', 'state_getStorageHashAt', 'state_getStorageSize', 'state_getStorageSizeAt',
  'state_getKeysPaged', 'state_getKeysPagedAt', 'state_getMetadata', 'state_getRuntimeVersion', 'state_getReadProof', 'state_queryStorageAt',
  'state_subscribeStorage', 'state_unsubscribeStorage', 'state_subscribeRuntimeVersion', 'state_unsubscribeRuntimeVersion',
  'state_getChildStorage', 'state_getChildStorageHash', 'state_getChildStorageSize', 'state_getChildKeysPaged', 'childstate_getStorage', 'childstate_getStorageHash', 'childstate_getStorageSize', 'childstate_getKeysPaged',
  // author and payment
  'author_submitExtrinsic', 'author_submitAndWatchExtrinsic', 'author_unwatchExtrinsic', 'author_pendingExtrinsics', 'author_hasKey', 'author_hasSessionKeys',
  'payment_queryInfo', 'payment_queryFeeDetails',
  // new JSON-RPC spec (polkadot-api)
  'chainHead_v1_follow', 'chainHead_v1_unfollow', 'chainHead_v1_header', 'chainHead_v1_body', 'chainHead_v1_call', 'chainHead_v1_storage',
  'chainHead_v1_continue', 'chainHead_v1_stopOperation', 'chainHead_v1_unpin',
  'chainSpec_v1_chainName', 'chainSpec_v1_genesisHash', 'chainSpec_v1_properties',
  'transaction_v1_broadcast', 'transaction_v1_stop', 'transactionWatch_v1_submitAndWatch', 'transactionWatch_v1_unwatch',
];
