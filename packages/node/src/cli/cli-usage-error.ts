/** A command line that cannot be run: unknown flag, missing or invalid value, conflict. */
export class CliUsageError extends Error {
  static readonly errorName = 'CliUsageError';
  readonly code = 'ERR_CLI_USAGE';
  /** Process exit code, as clap (polkadot-sdk) uses for usage errors. */
  readonly exitCode = 2;
  /** The flag at fault, when one is known (e.g. `--rpc-port`). */
  readonly flag: string | undefined;

  constructor(message: string, options: { flag?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = CliUsageError.errorName;
    this.flag = options.flag;
  }
}
