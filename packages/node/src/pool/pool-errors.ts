import { INVALID_MESSAGES, UNKNOWN_MESSAGES, type ValidityErrorValue } from '@dinfra/runtime';

/** Errors of the transaction pool, with the JSON-RPC codes and messages of Substrate's author API. */
export class PoolError extends Error {
  static readonly errorName = 'PoolError';
  override readonly name = 'PoolError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: string,
  ) {
    super(message);
  }
}

export const badFormat = (detail: string) => new PoolError(1001, `Extrinsic has invalid format: ${detail}`);
export const alreadyImported = () => new PoolError(1013, 'Transaction Already Imported', 'The transaction is already in the pool.');
export const tooLowPriority = (old: bigint, fresh: bigint) =>
  new PoolError(1014, 'Priority is too low: (' + old + ' vs ' + fresh + ')', 'The transaction has too low priority to replace another transaction already in the pool.');
export const immediatelyDropped = () =>
  new PoolError(1016, 'Immediately Dropped', 'The transaction couldn\'t enter the pool because of the limit');
export const temporarilyBanned = () =>
  new PoolError(1012, 'Transaction is temporarily banned', 'The transaction is temporarily banned');

export function validityError(v: ValidityErrorValue): PoolError {
  if (v.type === 'Invalid') return new PoolError(1010, 'Invalid Transaction', INVALID_MESSAGES[v.value.type]);
  return new PoolError(1011, 'Unknown Transaction Validity', UNKNOWN_MESSAGES[v.value.type]);
}
