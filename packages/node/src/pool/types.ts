import type { CheckedInput } from '@dinfra/runtime';

/** Statuses of a watched transaction, exactly as `author_extrinsicUpdate` sends them. */
export type TxStatus =
  | 'future'
  | 'ready'
  | { broadcast: string[] }
  | { inBlock: string }
  | { retracted: string }
  | { finalityTimeout: string }
  | { finalized: string }
  | { usurped: string }
  | 'dropped'
  | 'invalid';

export interface PoolTx {
  xt: CheckedInput;
  hash: string;
  signer: string;
  nonce: number;
  priority: bigint;
  /** Arrival order, for stable ordering. */
  seq: number;
  /** Last block (number) at which the transaction may be included. */
  validUntil: number;
}

export type TxListener = (status: TxStatus) => void;
