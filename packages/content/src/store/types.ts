/** Options of {@link ContentStore.add}. */
export interface AddOptions {
  signal?: AbortSignal;
  /** 0 (default): `ipfs add`; 1: `ipfs add --cid-version=1`. */
  cidVersion?: 0 | 1;
}

/** Options of {@link ContentStore.get}. */
export interface GetOptions {
  /** Give up (ContentNotFoundError) after this long. Default 30 s. */
  timeoutMs?: number;
  /** Refuse (ContentTooLargeError) content larger than this. Default 16 MiB. */
  maxBytes?: number;
  /** Abort the read: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Where descriptors and schemas live: Kubo, or an embedded store in a directory. CIDs are
 * those of `ipfs add` with Kubo's defaults; `get` verifies the bytes against the CID.
 */
export interface ContentStore {
  /**
   * Stores `bytes` as a UnixFS file and returns its CID, identical to `ipfs add` (CIDv0), or
   * with `cidVersion: 1` to `ipfs add --cid-version=1` (raw leaves, base32; one chunk is a
   * raw block, as deployment type schemas are addressed).
   */
  add(bytes: Uint8Array, opts?: AddOptions): Promise<string>;
  /** The bytes of `cid`, verified against it whatever the source. */
  get(cid: string, opts?: GetOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
