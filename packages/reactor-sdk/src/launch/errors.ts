import { PermanentBackendError } from '../backend.ts';

/** A descriptor or catalog that cannot become a launch plan (retrying will not help). */
export class LaunchPlanError extends PermanentBackendError {
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, code, options);
  }
}

/** The `--chains` file is unreadable or invalid (raised at start-up, names the field). */
export class ChainCatalogError extends Error {
  static readonly errorName = 'ChainCatalogError';
  override readonly name = 'ChainCatalogError';
  readonly code = 'CHAIN_CATALOG_INVALID';
}
