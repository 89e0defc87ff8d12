import type { CID } from 'multiformats/cid';
import { InvalidCidError } from './errors.ts';

// The IPFS libraries load on first use, so a CLI that imports this stays fast to start.

/** dag-pb and raw multicodecs; sha2-256 and identity multihashes. */
export const DAG_PB = 0x70;
export const RAW = 0x55;
export const SHA2_256 = 0x12;
export const IDENTITY = 0x00;

/** Kubo's default chunk size (`size-262144`) and balanced-layout width. */
export const CHUNK_SIZE = 262_144;
export const MAX_CHILDREN = 174;

/** UnixFS importer options: Kubo's `ipfs add` defaults, for CIDv0 or for `--cid-version=1` (raw leaves). */
export async function importerOptions(cidVersion: 0 | 1 = 0) {
  const [{ fixedSize }, { balanced }] = await Promise.all([import('ipfs-unixfs-importer/chunker'), import('ipfs-unixfs-importer/layout')]);
  return {
    cidVersion,
    rawLeaves: cidVersion === 1,
    chunker: fixedSize({ chunkSize: CHUNK_SIZE }),
    layout: balanced({ maxChildrenPerNode: MAX_CHILDREN }),
  };
}

/** A blockstore that keeps nothing: only the root CID is wanted. */
const discard = { put: async (cid: CID) => cid };

async function rootOf(bytes: Uint8Array, cidVersion: 0 | 1): Promise<CID> {
  const { importer } = await import('ipfs-unixfs-importer');
  let root: CID | undefined;
  for await (const entry of importer([{ content: bytes }], discard, await importerOptions(cidVersion))) root = entry.cid;
  if (!root) throw new Error('the UnixFS importer produced no CID');
  return root;
}

/**
 * The CID `ipfs add FILE` gives with Kubo's defaults: CIDv0, UnixFS dag-pb leaves, 256 KiB
 * fixed-size chunks, balanced layout of at most 174 children. `hello world\n` ->
 * `QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o`.
 */
export async function cidOf(bytes: Uint8Array): Promise<string> {
  return (await rootOf(bytes, 0)).toString();
}

/** The same as {@link cidOf} (the CLI's historical name). */
export const fileCid = cidOf;

/** What `ipfs add --cid-version=1 FILE` gives (raw leaves, base32). */
export async function cidV1Of(bytes: Uint8Array): Promise<string> {
  return (await rootOf(bytes, 1)).toString();
}

/**
 * The CIDv1 of `bytes` as one raw block (sha2-256, base32): what `ipfs add --cid-version=1
 * --raw-leaves` gives for content under one chunk. Deployment type schemas are addressed so.
 */
export async function rawCid(bytes: Uint8Array): Promise<string> {
  const [{ CID }, { sha256 }] = await Promise.all([import('multiformats/cid'), import('multiformats/hashes/sha2')]);
  return CID.createV1(RAW, await sha256.digest(bytes)).toString();
}

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

/**
 * Whether `text` is a CID string as the chain accepts it (runtime-specs/dinfra.md,
 * "Conventions"): CIDv0 (`Qm` + base58btc, 46 characters) or CIDv1 in multibase `b`
 * (base32 lower), `k` (base36 lower) or `z` (base58btc); 8 to 128 bytes. Syntax only.
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

/**
 * Parses a CID string the stores can fetch and verify: the chain's syntax, a dag-pb or raw
 * codec, a sha2-256 (or identity) multihash. Throws InvalidCidError naming the problem.
 */
export async function parseCid(text: string): Promise<CID> {
  const shown = JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}...` : text);
  if (typeof text !== 'string' || !isCid(text)) throw new InvalidCidError(`${shown} is not a CID (CIDv0 "Qm..." or CIDv1 in base32, base36 or base58btc)`);
  const [{ CID }, { base36 }] = await Promise.all([import('multiformats/cid'), import('multiformats/bases/base36')]);
  let cid: CID;
  try {
    cid = text[0] === 'k' ? CID.parse(text, base36) : CID.parse(text);
  } catch (e) {
    throw new InvalidCidError(`${shown} is not a CID: ${(e as Error).message}`);
  }
  if (cid.code !== DAG_PB && cid.code !== RAW) throw new InvalidCidError(`${shown} has codec 0x${cid.code.toString(16)}; only dag-pb (UnixFS) and raw content can be fetched`);
  if (cid.multihash.code !== SHA2_256 && cid.multihash.code !== IDENTITY) {
    throw new InvalidCidError(`${shown} uses multihash 0x${cid.multihash.code.toString(16)}; only sha2-256 can be verified`);
  }
  return cid;
}

/**
 * Whether `bytes` are the content of `cid` as Kubo's `ipfs add` would have made it: a raw
 * block, or a UnixFS file with the default chunker and layout (CIDv0, or CIDv1 with raw
 * leaves). False does not prove a mismatch for content added with other import settings:
 * the stores then verify block by block.
 */
export async function contentMatchesCid(bytes: Uint8Array, cid: string | CID): Promise<boolean> {
  const parsed = typeof cid === 'string' ? await parseCid(cid).catch(() => undefined) : cid;
  if (!parsed) return false;
  const { equals } = await import('multiformats/bytes');
  if (parsed.code === RAW) {
    if (parsed.multihash.code === IDENTITY) return equals(parsed.multihash.digest, bytes);
    const { sha256 } = await import('multiformats/hashes/sha2');
    return equals((await sha256.digest(bytes)).bytes, parsed.multihash.bytes);
  }
  const mine = await rootOf(bytes, parsed.version === 0 ? 0 : 1);
  if (equals(mine.multihash.bytes, parsed.multihash.bytes)) return true;
  // A CIDv1 dag-pb made with `--raw-leaves=false` hashes like the CIDv0.
  return parsed.version === 1 && equals((await rootOf(bytes, 0)).multihash.bytes, parsed.multihash.bytes);
}
