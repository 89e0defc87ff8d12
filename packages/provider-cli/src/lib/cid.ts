import type { CID } from 'multiformats/cid';

// The IPFS libraries load on first use, so `dinfra --help` stays fast.

/** A blockstore that keeps nothing: only the root CID is wanted. */
const discard = { put: async (cid: CID) => cid };

/**
 * The CID `ipfs add FILE` gives with Kubo's defaults: CIDv0, UnixFS dag-pb leaves, 256 KiB
 * fixed-size chunks, balanced layout of at most 174 children. So a descriptor added to IPFS
 * (Kubo, or the embedded store of OGate) has the CID the subscription carries.
 */
export async function fileCid(content: Uint8Array): Promise<string> {
  const [{ importer }, { fixedSize }, { balanced }] = await Promise.all([
    import('ipfs-unixfs-importer'),
    import('ipfs-unixfs-importer/chunker'),
    import('ipfs-unixfs-importer/layout'),
  ]);
  let root: CID | undefined;
  const options = {
    cidVersion: 0 as const,
    rawLeaves: false,
    chunker: fixedSize({ chunkSize: 262_144 }),
    layout: balanced({ maxChildrenPerNode: 174 }),
  };
  for await (const entry of importer([{ content }], discard, options)) root = entry.cid;
  if (!root) throw new Error('the importer produced no CID');
  return root.toString();
}

/**
 * The CIDv1 of `content` as one raw block (base32): what `ipfs add --cid-version=1
 * --raw-leaves` gives for content under one chunk. Deployment type schemas are addressed so.
 */
export async function rawCid(content: Uint8Array): Promise<string> {
  const [{ CID }, raw, { sha256 }] = await Promise.all([import('multiformats/cid'), import('multiformats/codecs/raw'), import('multiformats/hashes/sha2')]);
  return CID.createV1(raw.code, await sha256.digest(content)).toString();
}

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

/**
 * Whether `text` is a CID string as the chain accepts it (runtime-specs/dinfra.md,
 * "Conventions"): CIDv0 (`Qm` + base58btc, 46 characters) or CIDv1 in multibase `b`
 * (base32 lower), `k` (base36 lower) or `z` (base58btc); 8 to 128 bytes.
 */
export function isCid(text: string): boolean {
  if (text.length < 8 || text.length > 128) return false;
  if (text.startsWith('Qm')) return text.length === 46 && BASE58.test(text);
  const body = text.slice(1);
  switch (text[0]) {
    case 'b':
      return /^[a-z2-7]+$/.test(body);
    case 'k':
      return /^[a-z0-9]+$/.test(body);
    case 'z':
      return BASE58.test(body);
    default:
      return false;
  }
}

/** Whether `content` has the CID `cid`, as a UnixFS file (v0/v1) or as a raw block. */
export async function contentMatchesCid(content: Uint8Array, cid: string): Promise<boolean> {
  if (cid === (await rawCid(content))) return true;
  if (cid === (await fileCid(content))) return true;
  const { CID } = await import('multiformats/cid');
  try {
    const parsed = CID.parse(cid);
    if (parsed.version === 1 && parsed.code === 0x55) return false;
    return parsed.toV1().toString() === CID.parse(await fileCid(content)).toV1().toString();
  } catch {
    return false;
  }
}
