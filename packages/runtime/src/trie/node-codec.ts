/**
 * Node codec of the Substrate base-16 Patricia-Merkle trie (`sp_trie::NodeCodec`, the
 * "no extension" layout shared by `LayoutV0` and `LayoutV1`).
 *
 * Node = header ++ partial key ++ [children bitmap] ++ [value] ++ children references.
 *
 * Header (first byte, then optional size continuation bytes, see {@link encodeHeader}):
 *   - `0b01xxxxxx` leaf, `0b10xxxxxx` branch without value, `0b11xxxxxx` branch with value;
 *   - `0b001xxxxx` leaf whose value is stored as its blake2-256 hash (V1 only),
 *     `0b0001xxxx` branch with a hashed value (V1 only);
 *   - `0x00` the empty trie.
 * The low bits hold the partial key length in nibbles.
 * @module
 */
import { blake2AsU8a } from '@polkadot/util-crypto';

export type StateVersion = 0 | 1;

/** Encoded empty trie (`EMPTY_TRIE`). */
export const EMPTY_NODE: Uint8Array = new Uint8Array([0]);
/** Under `LayoutV1`, values of at least this many bytes are stored by hash (`TRIE_VALUE_NODE_THRESHOLD`). */
export const VALUE_HASH_THRESHOLD = 33;
export const HASH_LENGTH = 32;

/** Counts blake2-256 invocations made by the trie (node and value hashing). For tests and benchmarks. */
export const trieHashStats = { calls: 0 };

/** blake2-256, counted in {@link trieHashStats}. */
export function trieHash(data: Uint8Array): Uint8Array {
  trieHashStats.calls++;
  return blake2AsU8a(data, 256);
}

/** A node's storage value as written in the node: either inline, or the 32-byte hash of the value. */
export interface NodeValue {
  hashed: boolean;
  data: Uint8Array;
}

/** Storage value → node value, hashing it when `version` is 1 and it is >= 33 bytes. */
export function nodeValue(value: Uint8Array, version: StateVersion): NodeValue {
  return version === 1 && value.length >= VALUE_HASH_THRESHOLD
    ? { hashed: true, data: trieHash(value) }
    : { hashed: false, data: value };
}

/** Splits bytes into nibbles (high nibble first). */
export function toNibbles(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length * 2);
  for (let i = 0; i < key.length; i++) {
    const b = key[i]!;
    out[2 * i] = b >> 4;
    out[2 * i + 1] = b & 15;
  }
  return out;
}

/** Header bytes: `prefix | size` where size uses the low `8 - maskBits` bits then continuation bytes. */
export function encodeHeader(prefix: number, maskBits: number, size: number): number[] {
  const max = 255 >> maskBits;
  if (size < max) return [prefix | size];
  const out = [prefix | max];
  let rem = size - (max - 1);
  while (rem > 0) {
    if (rem < 256) {
      out.push(rem - 1);
      rem = 0;
    } else {
      out.push(255);
      rem -= 255;
    }
  }
  return out;
}

function compactSize(n: number): number {
  return n < 1 << 6 ? 1 : n < 1 << 14 ? 2 : n < 1 << 30 ? 4 : 5;
}

/** Writes SCALE `Compact<u32>` of `n` at `pos`; returns the new position. */
function writeCompact(buf: Uint8Array, pos: number, n: number): number {
  if (n < 1 << 6) {
    buf[pos] = n << 2;
    return pos + 1;
  }
  if (n < 1 << 14) {
    const v = (n << 2) | 1;
    buf[pos] = v & 255;
    buf[pos + 1] = v >> 8;
    return pos + 2;
  }
  if (n < 1 << 30) {
    const v = ((n << 2) | 2) >>> 0;
    for (let i = 0; i < 4; i++) buf[pos + i] = (v >>> (8 * i)) & 255;
    return pos + 4;
  }
  buf[pos] = 3;
  for (let i = 0; i < 4; i++) buf[pos + 1 + i] = (n >>> (8 * i)) & 255;
  return pos + 5;
}

/**
 * Encodes a node. `partial` holds nibbles; `children` is `undefined` for a leaf, else 16 slots of
 * child references (an inline node encoding < 32 bytes, or a 32-byte hash — both written as
 * `Compact(len) ++ bytes`). A branch must have at least one child.
 */
export function encodeNode(
  partial: Uint8Array,
  value: NodeValue | undefined,
  children: readonly (Uint8Array | undefined)[] | undefined,
): Uint8Array {
  const n = partial.length;
  let header: number[];
  if (children === undefined) {
    if (value === undefined) throw new Error('trie: leaf without value');
    header = value.hashed ? encodeHeader(0x20, 3, n) : encodeHeader(0x40, 2, n);
  } else if (value === undefined) header = encodeHeader(0x80, 2, n);
  else header = value.hashed ? encodeHeader(0x10, 4, n) : encodeHeader(0xc0, 2, n);

  let size = header.length + ((n + 1) >> 1);
  if (children !== undefined) {
    size += 2;
    for (const c of children) if (c !== undefined) size += compactSize(c.length) + c.length;
  }
  if (value !== undefined) size += value.hashed ? HASH_LENGTH : compactSize(value.data.length) + value.data.length;

  const out = new Uint8Array(size);
  let pos = 0;
  for (const b of header) out[pos++] = b;
  let i = 0;
  if (n & 1) out[pos++] = partial[i++]!;
  for (; i < n; i += 2) out[pos++] = (partial[i]! << 4) | partial[i + 1]!;
  if (children !== undefined) {
    let bitmap = 0;
    for (let c = 0; c < 16; c++) if (children[c] !== undefined) bitmap |= 1 << c;
    out[pos++] = bitmap & 255;
    out[pos++] = bitmap >> 8;
  }
  if (value !== undefined) {
    if (!value.hashed) pos = writeCompact(out, pos, value.data.length);
    out.set(value.data, pos);
    pos += value.data.length;
  }
  if (children !== undefined) {
    for (const c of children) {
      if (c === undefined) continue;
      pos = writeCompact(out, pos, c.length);
      out.set(c, pos);
      pos += c.length;
    }
  }
  return out;
}

/** How a parent references an encoded child node: inline below 32 bytes, else by hash. */
export function childReference(encoded: Uint8Array): Uint8Array {
  return encoded.length < HASH_LENGTH ? encoded : trieHash(encoded);
}
