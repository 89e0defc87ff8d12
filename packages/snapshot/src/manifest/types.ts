/** Database kinds a snapshot can hold (runtime-specs/snapshot-manifest.md, `DatabaseKind`). */
export const DATABASE_KINDS = ['dinfra-leveldb', 'rocksdb', 'paritydb'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** State pruning of the node that produced the snapshot (Substrate's `PruningMode`). */
export type Pruning = { readonly kind: 'archive' } | { readonly kind: 'archive-canonical' } | { readonly kind: 'constrained'; readonly blocks: number };

/** Where the chunks can be had. S3 and HTTP mirrors are base URLs ending in `/`; IPFS is a directory CID. */
export type Mirror = { readonly kind: 's3'; readonly url: string } | { readonly kind: 'http'; readonly url: string } | { readonly kind: 'ipfs'; readonly cid: string };

/** One file of the database, relative to the database directory, cut into fixed-size chunks. */
export interface ManifestFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: Uint8Array;
  /** SHA-256 of each chunk in order; chunk i is bytes [i·chunkSize, min(size, (i+1)·chunkSize)). */
  readonly chunks: readonly Uint8Array[];
}

/** Everything the signature covers. */
export interface ManifestBody {
  readonly chain: string;
  readonly genesisHash: Uint8Array;
  readonly blockNumber: number;
  readonly blockHash: Uint8Array;
  readonly database: { readonly kind: DatabaseKind; readonly layoutVersion: number };
  readonly node: { readonly name: string; readonly version: string };
  readonly pruning: Pruning;
  /** Unix seconds. */
  readonly createdAt: number;
  /** Unix seconds; a manifest is refused after this. */
  readonly validUntil: number;
  /** The id of the manifest this one follows (incremental updates), if any. */
  readonly previous: Uint8Array | undefined;
  readonly chunkSize: number;
  readonly files: readonly ManifestFile[];
  readonly mirrors: readonly Mirror[];
  /** The provider's account (public key) on the chain; `signer` must be its operator. */
  readonly provider: Uint8Array;
  /** The sr25519 public key that signed. */
  readonly signer: Uint8Array;
}

/** A decoded, signature-checked manifest with its id (SHA-256 of the unsigned bytes). */
export interface SignedManifest {
  readonly body: ManifestBody;
  readonly signature: Uint8Array;
  readonly id: Uint8Array;
  /** The whole file as published. */
  readonly bytes: Uint8Array;
}

/** 64 MiB: the chunk size of published snapshots (tests use smaller ones). */
export const DEFAULT_CHUNK_SIZE = 64 * 1024 * 1024;
/** The largest chunk size a manifest may declare (1 GiB). */
export const MAX_CHUNK_SIZE = 1024 * 1024 * 1024;

/** The byte length of chunk `index` of a file. */
export function chunkLength(file: Pick<ManifestFile, 'size'>, chunkSize: number, index: number): number {
  return Math.min(chunkSize, file.size - index * chunkSize);
}

/** How many chunks a file of `size` bytes has. */
export const chunkCount = (size: number, chunkSize: number): number => Math.ceil(size / chunkSize);

/** Total bytes of the database. */
export const totalBytes = (body: Pick<ManifestBody, 'files'>): number => body.files.reduce((n, f) => n + f.size, 0);
