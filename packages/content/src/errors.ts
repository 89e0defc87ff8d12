/**
 * Named errors of @dinfra/content, each with a stable `code` (for logs, metrics and the
 * `Failed { reason }` OGate reports). Messages never hold content bytes, secrets or keys.
 */
export abstract class ContentError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The string is not a CID this store can fetch and verify. */
export class InvalidCidError extends ContentError {
  readonly code = 'INVALID_CID';
}

/** The content is not available: missing from the store, or not had within the timeout. */
export class ContentNotFoundError extends ContentError {
  readonly code = 'CONTENT_NOT_FOUND';
}

/** The content is larger than the caller's `maxBytes`. */
export class ContentTooLargeError extends ContentError {
  readonly code = 'CONTENT_TOO_LARGE';
}

/** The bytes the source gave do not hash to the CID asked for. */
export class CidMismatchError extends ContentError {
  readonly code = 'CID_MISMATCH';
}

/** The store itself cannot be used (Kubo API unreachable, repo directory not writable). */
export class ContentStoreUnavailableError extends ContentError {
  readonly code = 'CONTENT_STORE_UNAVAILABLE';
}

/** A sealed secret cannot be opened (malformed, tampered, renamed, or no key fits). */
export class SecretOpenError extends ContentError {
  readonly code = 'SECRET_OPEN_FAILED';
}

/** A secret cannot be sealed (bad recipient key, bad name). */
export class SecretSealError extends ContentError {
  readonly code = 'SECRET_SEAL_FAILED';
}

/** A key cannot be had from a secret URI or keystore (the secret is never shown). */
export class SecretKeyError extends ContentError {
  readonly code = 'SECRET_KEY_INVALID';
}
