import { unixfs } from '@helia/unixfs';
import type { CID } from 'multiformats/cid';
import { CidMismatchError, ContentNotFoundError, ContentTooLargeError, InvalidCidError } from '../errors.ts';
import { verifyBlock } from './verify-block.ts';

/** Where blocks come from: the embedded blockstore or Kubo's block API. Throws when missing. */
export type GetBlock = (cid: CID, signal: AbortSignal) => Promise<Uint8Array>;

/**
 * Reads the UnixFS file (or raw block) `root` block by block through `getBlock`, verifying
 * every block against its CID before the exporter sees it, and stopping as soon as more than
 * `maxBytes` come out. `isMissing` tells a missing block from other failures.
 */
export async function readUnixfs(
  root: CID,
  getBlock: GetBlock,
  o: { maxBytes: number; signal: AbortSignal; isMissing: (e: unknown) => boolean },
): Promise<Uint8Array> {
  const blockstore = {
    async *get(cid: CID) {
      let bytes: Uint8Array;
      try {
        bytes = await getBlock(cid, o.signal);
      } catch (e) {
        if (o.isMissing(e)) throw new ContentNotFoundError(`${root} is not in the store${cid.equals(root) ? '' : ` (block ${cid} is missing)`}`, { cause: e });
        throw e;
      }
      await verifyBlock(cid, bytes, root);
      yield bytes;
    },
    put: async (cid: CID) => cid,
    has: async () => false,
  };
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of unixfs({ blockstore }).cat(root, { signal: o.signal })) {
      total += chunk.length;
      if (total > o.maxBytes) throw new ContentTooLargeError(`${root} is larger than the limit of ${o.maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof ContentNotFoundError || e instanceof ContentTooLargeError || e instanceof CidMismatchError || e instanceof InvalidCidError) throw e;
    if (o.signal.aborted) throw o.signal.reason;
    // The exporter refuses blocks that verified but are not UnixFS (e.g. a directory, bad dag-pb).
    throw new ContentNotFoundError(`${root} is not a UnixFS file: ${(e as Error).message}`, { cause: e });
  }
  return concat(chunks, total);
}

export function concat(chunks: Uint8Array[], total = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
