/**
 * Decoder for trie nodes produced by {@link encodeNode} (`sp_trie::NodeCodec::decode_plan`).
 * Used to walk read proofs.
 * @module
 */
import { HASH_LENGTH, type NodeValue } from './node-codec.ts';

export interface DecodedNode {
  /** Partial key, as nibbles. */
  partial: Uint8Array;
  value: NodeValue | undefined;
  /** `undefined` for a leaf or the empty node; else 16 child references (32 bytes = hash, shorter = inline node). */
  children: (Uint8Array | undefined)[] | undefined;
}

class Reader {
  pos = 0;
  constructor(readonly data: Uint8Array) {}
  byte(): number {
    const b = this.data[this.pos++];
    if (b === undefined) throw new Error('trie: truncated node');
    return b;
  }
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.data.length) throw new Error('trie: truncated node');
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  compact(): number {
    const b0 = this.byte();
    switch (b0 & 3) {
      case 0:
        return b0 >> 2;
      case 1:
        return ((b0 | (this.byte() << 8)) >> 2) & 0x3fff;
      case 2:
        return ((b0 | (this.byte() << 8) | (this.byte() << 16) | (this.byte() << 24)) >>> 2) >>> 0;
      default: {
        if (b0 >> 2 !== 0) throw new Error('trie: compact length too large');
        return (this.byte() | (this.byte() << 8) | (this.byte() << 16) | (this.byte() << 24)) >>> 0;
      }
    }
  }
}

function decodeSize(first: number, r: Reader, maskBits: number): number {
  const max = 255 >> maskBits;
  let result = first & max;
  if (result < max) return result;
  result -= 1;
  for (;;) {
    const n = r.byte();
    if (n < 255) return result + n + 1;
    result += 255;
  }
}

type Kind = 'leaf' | 'branch';

/** Decodes one encoded node. Throws on malformed input. */
export function decodeNode(data: Uint8Array): DecodedNode {
  const r = new Reader(data);
  const h = r.byte();
  if (h === 0) {
    if (data.length !== 1) throw new Error('trie: trailing bytes after empty node');
    return { partial: new Uint8Array(0), value: undefined, children: undefined };
  }
  let kind: Kind;
  let hasValue: boolean;
  let hashed = false;
  let size: number;
  switch (h >> 6) {
    case 1:
      [kind, hasValue, size] = ['leaf', true, decodeSize(h, r, 2)];
      break;
    case 2:
      [kind, hasValue, size] = ['branch', false, decodeSize(h, r, 2)];
      break;
    case 3:
      [kind, hasValue, size] = ['branch', true, decodeSize(h, r, 2)];
      break;
    default:
      if (h >> 5 === 1) [kind, hasValue, hashed, size] = ['leaf', true, true, decodeSize(h, r, 3)];
      else if (h >> 4 === 1) [kind, hasValue, hashed, size] = ['branch', true, true, decodeSize(h, r, 4)];
      else throw new Error('trie: unallowed node header');
  }
  const packed = r.bytes((size + 1) >> 1);
  const partial = new Uint8Array(size);
  let p = 0;
  let i = 0;
  if (size & 1) {
    if (packed[0]! >> 4 !== 0) throw new Error('trie: bad partial key padding');
    partial[p++] = packed[i++]!;
  }
  for (; p < size; i++) {
    partial[p++] = packed[i]! >> 4;
    partial[p++] = packed[i]! & 15;
  }
  let bitmap = 0;
  if (kind === 'branch') {
    bitmap = r.byte() | (r.byte() << 8);
    if (bitmap === 0) throw new Error('trie: branch without children');
  }
  let value: NodeValue | undefined;
  if (hasValue) value = hashed ? { hashed, data: r.bytes(HASH_LENGTH) } : { hashed, data: r.bytes(r.compact()) };
  let children: (Uint8Array | undefined)[] | undefined;
  if (kind === 'branch') {
    children = new Array<Uint8Array | undefined>(16).fill(undefined);
    for (let c = 0; c < 16; c++) {
      if ((bitmap >> c) & 1) {
        const len = r.compact();
        if (len > HASH_LENGTH) throw new Error('trie: child reference too long');
        children[c] = r.bytes(len);
      }
    }
  }
  if (r.pos !== data.length) throw new Error('trie: trailing bytes in node');
  return { partial, value, children };
}
