/**
 * Errors of the CLI. Each class has a stable `code` (printed in `--json` output) and the exit
 * code the process ends with: 2 for usage errors (nothing was submitted), 1 when the chain
 * refused an extrinsic or an operation failed, 130 when interrupted.
 */
export abstract class CliError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad flags, arguments or input files: the command did not run (exit 2). */
export class UsageError extends CliError {
  readonly code: string = 'E_USAGE';
  readonly exitCode = 2;
}

/** An amount that does not parse or is out of range. */
export class AmountError extends UsageError {
  override readonly code = 'E_AMOUNT';
}

/** No signing key, or a key that cannot be read or decrypted. */
export class KeyError extends UsageError {
  override readonly code = 'E_KEY';
}

/** A malformed `--url`, or no node answers there. */
export class ConnectionError extends UsageError {
  override readonly code = 'E_CONNECT';
}

/** A descriptor that cannot be read or does not match its type's schema. */
export class DescriptorError extends UsageError {
  override readonly code = 'E_DESCRIPTOR';
}

/** A named thing (deployment type, provider, subscription, account) that does not exist or is malformed. */
export class NotFoundError extends UsageError {
  override readonly code = 'E_NOT_FOUND';
}

/** The chain refused the extrinsic (dispatch error) or would refuse it (runtime API answer). */
export class ChainRefusedError extends CliError {
  readonly code = 'E_CHAIN_REFUSED';
  readonly exitCode = 1;
  constructor(
    /** `Pallet.Error` (e.g. `Subscriptions.NoOfferingOfType`), or the dispatch error kind. */
    readonly error: string,
    readonly docs: string,
  ) {
    super(docs ? `${error}: ${docs}` : error);
  }
}

/** A transaction that was rejected by the pool, dropped, or an operation that did not end well. */
export class OperationError extends CliError {
  readonly code: string = 'E_FAILED';
  readonly exitCode = 1;
}

/** Ctrl-C during a wait. */
export class InterruptedError extends CliError {
  readonly code = 'E_INTERRUPTED';
  readonly exitCode = 130;
}
