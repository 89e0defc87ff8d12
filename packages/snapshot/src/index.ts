/**
 * `@dinfra/snapshot`: fast-sync snapshots that are verifiable end to end.
 *
 * - Manifests (runtime-specs/snapshot-manifest.md): {@link signManifest}, {@link openManifest}
 *   (decode + sr25519 check), {@link checkManifest} (chain, genesis, kind, signer, validity).
 * - Chunking and offline checks: {@link chunkDirectory}, {@link verifyDirectory}.
 * - dinfra-node databases: {@link readLevelHead}, {@link copyStoppedLevelDb}, {@link checkRestored}.
 * - Restores: {@link fetchSnapshot} (parallel across mirrors, each chunk verified on arrival,
 *   resumable after kill -9, incremental from an earlier restore).
 * - Publishing: {@link createSnapshot} to a directory, S3 and/or Kubo (manifest written last).
 *
 * @example
 * import { openManifest, fetchSnapshot, sourcesFor } from '@dinfra/snapshot';
 * const manifest = await openManifest(bytes);
 * await fetchSnapshot({ manifest, out: '/var/lib/node/chains/dev/db', sources: sourcesFor(manifest.body.mirrors),
 *   expect: { chain: 'Development', signers: [operatorHex] } });
 */
export type { DatabaseKind, ManifestBody, ManifestFile, Mirror, Pruning, SignedManifest } from './manifest/types.ts';
export { DATABASE_KINDS, DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE, chunkCount, chunkLength, totalBytes } from './manifest/types.ts';
export { decodeManifest, encodeUnsigned, isSafePath, MANIFEST_MAGIC, MANIFEST_VERSION } from './manifest/codec.ts';
export { manifestId, openManifest, signManifest, signingMessage, SIGNING_PREFIX } from './manifest/sign.ts';
export type { ManifestSigner } from './manifest/sign.ts';
export { checkManifest } from './manifest/check.ts';
export type { ManifestExpectations } from './manifest/check.ts';
export { manifestJson } from './manifest/view.ts';
export { chunkDirectory } from './chunk/chunk-dir.ts';
export { hashFile } from './chunk/hash-file.ts';
export { listFiles, RESERVED_PREFIX } from './chunk/walk.ts';
export { diffDirectory, verifyDirectory } from './chunk/verify-dir.ts';
export type { Mismatch } from './chunk/verify-dir.ts';
export { copyStoppedLevelDb, DINFRA_LEVELDB_LAYOUT, readLevelHead } from './db/dinfra-leveldb.ts';
export { checkRestored } from './db/check-restored.ts';
export { blockHeaderOf } from './db/header.ts';
export { fetchSnapshot, RESTORED_MANIFEST, stagingDir } from './fetch/fetch.ts';
export type { FetchOptions, FetchProgress, FetchResult } from './fetch/fetch.ts';
export { chunkKey, fileSource, httpSource, kuboSource, sourceForUrl, sourcesFor, MirrorRequestError } from './fetch/sources.ts';
export type { ChunkSource } from './fetch/sources.ts';
export {
  SnapshotError,
  ManifestFormatError,
  ManifestSignatureError,
  ManifestSignerError,
  WrongChainError,
  WrongDatabaseKindError,
  ManifestExpiredError,
  ContentMismatchError,
  MirrorsExhaustedError,
  DiskFullError,
  SourceDatabaseError,
  RestoreCheckError,
  PublishError,
  ManifestFetchError,
  RestoreTargetError,
} from './errors.ts';
export { createSnapshot } from './publish/create.ts';
export type { CreateSnapshotOptions, CreateSnapshotResult } from './publish/create.ts';
export type { ChunkRef, PublishTarget } from './publish/target.ts';
export { dirTarget } from './publish/dir-target.ts';
export { s3Target, parseS3Url } from './publish/s3-target.ts';
export type { S3TargetOptions } from './publish/s3-target.ts';
export { kuboTarget } from './publish/kubo-target.ts';
