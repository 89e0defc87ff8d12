/** OGate answered 409: the report is for a generation that is no longer current. */
export class StaleGenerationError extends Error {
  static readonly errorName = 'StaleGenerationError';
  override readonly name = 'StaleGenerationError';
  readonly code = 'STALE_GENERATION';
}

/** OGate refused or failed a call (status and problem detail kept). */
export class OGateError extends Error {
  static readonly errorName = 'OGateError';
  override readonly name = 'OGateError';
  readonly code = 'OGATE_ERROR';
  constructor(message: string, readonly status: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A create that kept failing: the reason goes on chain as `Failed { reason }`. */
export class CreateFailedError extends Error {
  static readonly errorName = 'CreateFailedError';
  override readonly name = 'CreateFailedError';
  readonly code = 'CREATE_FAILED';
}
