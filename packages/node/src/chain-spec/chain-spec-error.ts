/** A chain spec that cannot be found, read or understood; the message names the file and the problem. */
export class ChainSpecError extends Error {
  static readonly errorName = 'ChainSpecError';
  readonly code = 'ERR_CHAIN_SPEC';
  /** The file at fault (or the preset name). */
  readonly source: string;

  constructor(source: string, problem: string, options: { cause?: unknown } = {}) {
    super(`chain spec ${source}: ${problem}`, { cause: options.cause });
    this.name = ChainSpecError.errorName;
    this.source = source;
  }
}
