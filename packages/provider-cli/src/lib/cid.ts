import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';
import { base36 } from 'multiformats/bases/base36';
import { importer } from 'ipfs-unixfs-importer';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';

/** A blockstore that keeps nothing: only the root CID is wanted. */
const discard = { put: async (cid: CID) => cid };

/**
 * The CID `ipfs add FILE` gives with Kubo's defaults: CIDv0, UnixFS dag-pb leaves, 256 KiB
 * fixed-size chunks, balanced layout of at most 174 children. So a descriptor added to IPFS
 * (Kubo, or the embedded store of OGate) has the CID the subscription carries.
 */
export async function fileCid(content: Uint8Array): Promise<string> {
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
  return CID.createV1(raw.code, await sha256.digest(content)).toString();
}

/** Whether `text` parses as a CID (v0 `Qm…`, or v1 in a multibase the chain accepts). */
export function isCid(text: string): boolean {
  if (text.length < 8 || text.length > 128) return false;
  try {
    if (text.startsWith('k')) CID.parse(text, base36);
    else CID.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether `content` has the CID `cid`, as a UnixFS file (v0/v1) or as a raw block. */
export async function contentMatchesCid(content: Uint8Array, cid: string): Promise<boolean> {
  if (cid === (await rawCid(content))) return true;
  if (cid === (await fileCid(content))) return true;
  try {
    const parsed = CID.parse(cid);
    if (parsed.version === 1 && parsed.code === raw.code) return false;
    return parsed.toV1().toString() === CID.parse(await fileCid(content)).toV1().toString();
  } catch {
    return false;
  }
}
