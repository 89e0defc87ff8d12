/** OGate's refusals are the contract's errors (`@dinfra/ogate-contract`); re-exported for the SDK's users. */
export { OGateError, StaleGenerationError } from '@dinfra/ogate-contract';

/** A create that kept failing: the reason goes on chain as `Failed { reason }`. */
export class CreateFailedError extends Error {
  static readonly errorName = 'CreateFailedError';
  override readonly name = 'CreateFailedError';
  readonly code = 'CREATE_FAILED';
}
