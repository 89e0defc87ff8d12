/**
 * Named errors of @dinfra/snapshot, each with a stable `code` (CLI `--json` output, logs and
 * the `Failed { reason }` a reactor reports). Messages name what was expected and what was found.
 */
export abstract class SnapshotError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The bytes are not a manifest of a known version (bad magic, version, SCALE or layout). */
export class ManifestFormatError extends SnapshotError {
  readonly code = 'MANIFEST_FORMAT';
}

/** The manifest's signature does not verify under its signer key. */
export class ManifestSignatureError extends SnapshotError {
  readonly code = 'MANIFEST_SIGNATURE';
}

/** The manifest is signed by a key other than the one asked for (the provider's operator). */
export class ManifestSignerError extends SnapshotError {
  readonly code = 'MANIFEST_SIGNER';
}

/** The manifest is for another chain or genesis than the one asked for. */
export class WrongChainError extends SnapshotError {
  readonly code = 'WRONG_CHAIN';
}

/** The manifest's database kind is not the one asked for. */
export class WrongDatabaseKindError extends SnapshotError {
  readonly code = 'WRONG_DB_KIND';
}

/** The manifest is past its valid-until time (or not valid yet). */
export class ManifestExpiredError extends SnapshotError {
  readonly code = 'MANIFEST_EXPIRED';
}

/** Files on disk differ from the manifest (missing, wrong size, wrong hash, extra). */
export class ContentMismatchError extends SnapshotError {
  readonly code = 'CONTENT_MISMATCH';
}

/** A chunk could be had from no mirror (each one's failure is listed). */
export class MirrorsExhaustedError extends SnapshotError {
  readonly code = 'MIRRORS_EXHAUSTED';
}

/** Not enough free space for the restore, or a write failed with ENOSPC. */
export class DiskFullError extends SnapshotError {
  readonly code = 'DISK_FULL';
}

/** The source database cannot be read as a consistent copy (in use, missing, unknown kind). */
export class SourceDatabaseError extends SnapshotError {
  readonly code = 'SOURCE_DB';
}

/** A restored database does not hold the manifest's block at its height. */
export class RestoreCheckError extends SnapshotError {
  readonly code = 'RESTORE_CHECK';
}

/** Publishing to a target failed (the previous manifest stays current). */
export class PublishError extends SnapshotError {
  readonly code = 'PUBLISH';
}

/** The manifest could not be had from its URL or CID. */
export class ManifestFetchError extends SnapshotError {
  readonly code = 'MANIFEST_FETCH';
}

/** The restore's target directory is not usable (exists and is not empty). */
export class RestoreTargetError extends SnapshotError {
  readonly code = 'RESTORE_TARGET';
}
