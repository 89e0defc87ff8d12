import { base32upper } from 'multiformats/bases/base32';
import { CID } from 'multiformats/cid';

/** Deterministic bytes that do not repeat block to block (xorshift32), so no two chunks dedup. */
export function pseudoRandomBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  const words = new Uint32Array(out.buffer, 0, length >>> 2);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  for (let i = words.length * 4; i < length; i++) out[i] = i & 0xff;
  return out;
}

/** Kubo's default chunk size and the fan-out of its balanced layout. */
export const CHUNK = 262_144;
export const FANOUT = 174;

/** Where blockstore-fs (the embedded store) keeps a block: `B` + base32 of the multihash, last 2 chars. */
export function embeddedBlockPath(repo: string, cid: string): string {
  const key = base32upper.encode(CID.parse(cid).multihash.bytes);
  return `${repo}/blocks/${key.slice(-2)}/${key}.data`;
}

/** Where Kubo's flatfs keeps a block: base32 of the multihash (no prefix), next-to-last/2 shard. */
export function kuboBlockPath(ipfsPath: string, cid: string): string {
  const key = base32upper.encode(CID.parse(cid).multihash.bytes).slice(1);
  return `${ipfsPath}/blocks/${key.slice(-3, -1)}/${key}.data`;
}

/** The files both processes of the shared-store test add in round `r` (some multi-chunk). */
export function sharedFiles(r: number): Uint8Array[] {
  return [10, 1_000, CHUNK - 1, CHUNK + 1, 3 * CHUNK + 5].map((size, i) => pseudoRandomBytes(size, 1000 * r + i + 1));
}
