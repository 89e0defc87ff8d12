import { PermanentBackendError } from '../backend.ts';

/** A descriptor or catalog that cannot become a launch plan (retrying will not help). */
export class LaunchPlanError extends PermanentBackendError {
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, code, options);
  }
}

/**
 * A deployment's secret name cannot be an environment variable name (user data writes the
 * secrets as `NAME="value"` lines): permanent, whichever cloud. Backends may re-raise it with
 * their own code.
 */
export class SecretNameError extends PermanentBackendError {
  static override readonly errorName: string = 'SecretNameError';
  override readonly name: string = 'SecretNameError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'SECRET_NAME_INVALID', options);
  }
}

/** The `--chains` file is unreadable or invalid (raised at start-up, names the field). */
export class ChainCatalogError extends Error {
  static readonly errorName = 'ChainCatalogError';
  override readonly name = 'ChainCatalogError';
  readonly code = 'CHAIN_CATALOG_INVALID';
}
