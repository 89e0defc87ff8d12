import { blake2b } from '@noble/hashes/blake2.js';

export interface JsonHeader {
  parentHash: string;
  number: string | number;
  stateRoot: string;
  extrinsicsRoot: string;
  digest: { logs: string[] };
}

const hexToBytes = (hex: string): Uint8Array => Buffer.from(hex.startsWith('0x') ? hex.slice(2) : hex, 'hex');

/** SCALE compact encoding of a non-negative integer below 2^53. */
export function compact(n: number): Uint8Array {
  if (n < 1 << 6) return Uint8Array.of(n << 2);
  if (n < 1 << 14) return Uint8Array.of(((n << 2) | 1) & 0xff, (n >> 6) & 0xff);
  if (n < 2 ** 30) {
    const v = (n * 4 + 2) >>> 0;
    return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  }
  const bytes: number[] = [];
  let v = BigInt(n);
  while (v > 0n) {
    bytes.push(Number(v & 0xffn));
    v >>= 8n;
  }
  return Uint8Array.of(((bytes.length - 4) << 2) | 3, ...bytes);
}

/** The block hash of a header as JSON-RPC returns it: blake2b-256 of its SCALE encoding. */
export function headerHash(h: JsonHeader): string {
  const number = typeof h.number === 'number' ? h.number : Number(h.number);
  const parts = [hexToBytes(h.parentHash), compact(number), hexToBytes(h.stateRoot), hexToBytes(h.extrinsicsRoot), compact(h.digest.logs.length), ...h.digest.logs.map(hexToBytes)];
  return '0x' + Buffer.from(blake2b(Buffer.concat(parts), { dkLen: 32 })).toString('hex');
}

export const headerNumber = (h: JsonHeader): number => (typeof h.number === 'number' ? h.number : Number(h.number));
