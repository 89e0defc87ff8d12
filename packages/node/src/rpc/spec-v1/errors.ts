import { RpcError } from '../server/index.ts';

/** -32800: too many `chainHead_v1_follow` subscriptions on this connection. */
export class FollowLimitError extends RpcError {
  static readonly errorName = 'FollowLimitError';
  constructor(limit: number) {
    super(-32800, `Maximum number of chainHead_follow has been reached (${limit})`);
  }
}

/** -32801: the block hash was never reported by this follow subscription, or was unpinned. */
export class InvalidBlockHashError extends RpcError {
  static readonly errorName = 'InvalidBlockHashError';
  constructor(hash: string) {
    super(-32801, `Invalid block hash: ${hash} is not pinned`);
  }
}

/** -32802: `chainHead_v1_call` on a follow subscription started with `withRuntime: false`. */
export class InvalidRuntimeCallError extends RpcError {
  static readonly errorName = 'InvalidRuntimeCallError';
  constructor() {
    super(-32802, 'Invalid runtime call: the follow subscription was started with withRuntime=false');
  }
}

/** -32803: `chainHead_v1_continue` for an operation that is not waiting for it. */
export class InvalidContinueError extends RpcError {
  static readonly errorName = 'InvalidContinueError';
  constructor(operationId: string) {
    super(-32803, `Invalid continue: operation ${operationId} is not waiting for continue`);
  }
}

/** -32804: `chainHead_v1_unpin` with the same hash twice. */
export class InvalidDuplicateHashesError extends RpcError {
  static readonly errorName = 'InvalidDuplicateHashesError';
  constructor() {
    super(-32804, 'Received duplicate hashes for the chainHead_unpin method');
  }
}

/** `transaction_v1_stop` / `transactionWatch_v1_unwatch` with an unknown id (-32602, as Substrate). */
export class InvalidOperationIdError extends RpcError {
  static readonly errorName = 'InvalidOperationIdError';
  constructor(id: string) {
    super(-32602, `Invalid operation id: ${id}`);
  }
}
