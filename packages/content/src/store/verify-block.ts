import type { CID } from 'multiformats/cid';
import { equals } from 'multiformats/bytes';
import { sha256 } from 'multiformats/hashes/sha2';
import { CidMismatchError, InvalidCidError } from '../errors.ts';
import { IDENTITY, SHA2_256 } from '../cid.ts';

/**
 * Checks that `bytes` hash to `cid`'s multihash; throws CidMismatchError otherwise. Every
 * block a store reads passes here, so a whole UnixFS file read block by block is verified
 * against its root CID (a Merkle DAG), whatever the source.
 */
export async function verifyBlock(cid: CID, bytes: Uint8Array, root: CID = cid): Promise<void> {
  const mh = cid.multihash;
  let ok: boolean;
  if (mh.code === SHA2_256) ok = equals((await sha256.digest(bytes)).digest, mh.digest);
  else if (mh.code === IDENTITY) ok = equals(bytes, mh.digest);
  else throw new InvalidCidError(`block ${cid} uses multihash 0x${mh.code.toString(16)}; only sha2-256 can be verified`);
  if (!ok) {
    const where = cid.equals(root) ? '' : ` (block ${cid} of it)`;
    throw new CidMismatchError(`the content the store gave for ${root} does not match the CID${where}`);
  }
}
