import type { SignedPart } from '@dinfra/runtime';

export type MultiSignatureValue = SignedPart['signature'];

/** One signature to check: `signature` by the AccountId32 `signer` over `message`. */
export interface VerifyItem {
  signature: MultiSignatureValue;
  message: Uint8Array;
  signer: Uint8Array;
}

export interface VerifierOptions {
  /**
   * Worker threads. 0 verifies on the calling thread.
   * @default min(2, available parallelism)
   */
  workers?: number;
  /**
   * Most signatures sent to a worker in one message.
   * @default 512
   */
  maxBatch?: number;
  /**
   * Times a batch is retried on a fresh worker after its worker died, before it is verified on
   * the main thread instead.
   * @default 2
   */
  maxRetries?: number;
}
