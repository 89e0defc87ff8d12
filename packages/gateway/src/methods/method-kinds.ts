/** How the gateway treats each method: retry, cache, subscription or pinning. */

/** Submissions are never retried or sent twice. */
export const isSubmission = (method: string): boolean =>
  method.startsWith('author_submit') || method.startsWith('transaction_') || method.startsWith('transactionWatch_') || method === 'author_removeExtrinsic';

/** Reads that may go to another upstream when the first one failed before answering. */
export const isRetryableRead = (method: string): boolean => !isSubmission(method) && !method.startsWith('chainHead_') && !method.startsWith('dev_');

/** chainHead_v1 operations: they name a follow subscription and go to its upstream. */
export const isChainHeadOperation = (method: string): boolean => method.startsWith('chainHead_v1_') && method !== 'chainHead_v1_follow';

/** A 0x-prefixed 32-byte hash. */
export const isBlockHash = (v: unknown): v is string => typeof v === 'string' && v.length === 66 && v.startsWith('0x');

/** Reads whose `null` answer at a block hash may only mean that this upstream has not imported it yet. */
export const HASH_PARAM_INDEX: Readonly<Record<string, number>> = {
  chain_getBlock: 0,
  chain_getHeader: 0,
  state_getStorage: 1,
  state_getStorageAt: 1,
  state_getStorageHash: 1,
  state_getStorageSize: 1,
  state_getMetadata: 0,
  state_getRuntimeVersion: 0,
  chain_getRuntimeVersion: 0,
  state_call: 2,
  state_callAt: 2,
  state_getReadProof: 1,
  state_queryStorageAt: 1,
  state_getKeysPaged: 3,
  state_getKeysPagedAt: 3,
};

/** The block hash a read names, if any. */
export function blockHashParam(method: string, params: unknown): string | undefined {
  const i = HASH_PARAM_INDEX[method];
  if (i === undefined || !Array.isArray(params)) return undefined;
  const v = params[i];
  return isBlockHash(v) ? v : undefined;
}

/** Answers of a lagging node that another upstream may answer properly. */
export function looksLikeUnknownBlock(message: string): boolean {
  return /UnknownBlock|Header was not found|State already discarded|not found/i.test(message);
}

/** Requests a WebSocket client sends to its home upstream, so that nonces account for its own submissions. */
export const HOME_METHODS: ReadonlySet<string> = new Set(['system_accountNextIndex', 'account_nextIndex', 'author_submitExtrinsic', 'author_pendingExtrinsics']);
