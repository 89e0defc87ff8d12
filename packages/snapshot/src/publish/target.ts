import type { Mirror } from '../manifest/types.ts';

/** Bytes of a chunk in a local file. */
export interface ChunkRef {
  readonly path: string;
  readonly offset: number;
  readonly length: number;
}

/**
 * Where a snapshot is published. Keys follow the mirror layout of
 * runtime-specs/snapshot-manifest.md (`chunks/<hex>`, `manifests/<id>.dsnm`, `latest.dsnm`).
 */
export interface PublishTarget {
  readonly label: string;
  /** Hex hashes of the chunk objects already there. */
  listChunks(): Promise<Set<string>>;
  putChunk(hex: string, data: ChunkRef): Promise<void>;
  deleteChunk(hex: string): Promise<void>;
  /** Every kept manifest file's bytes, by id hex. */
  listManifests(): Promise<Map<string, Uint8Array>>;
  getLatest(): Promise<Uint8Array | undefined>;
  putManifest(idHex: string, bytes: Uint8Array): Promise<void>;
  /** Makes this manifest the current one: the last write of a publish. */
  putLatest(bytes: Uint8Array): Promise<void>;
  deleteManifest(idHex: string): Promise<void>;
  /** How consumers read this target, once the chunks are in (IPFS: the directory's CID). */
  mirror(): Promise<Mirror | undefined>;
  /** Where the published manifest is, for the operator (URL or CID). */
  location(idHex: string, bytes: Uint8Array): Promise<string>;
  close?(): Promise<void>;
}
