import { sha256AsU8a } from '@polkadot/util-crypto';
import { stringToU8a } from '@polkadot/util';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The CIDv1 of `content` stored as one raw block: multibase `b` (base32 lower) of
 * 0x01 (CIDv1) 0x55 (raw) 0x12 0x20 (sha2-256, 32 bytes) ++ sha256(content). This is what
 * `ipfs add --cid-version=1 --raw-leaves` gives for content under one chunk (256 KiB).
 */
export function rawCidV1(content: Uint8Array | string): string {
  const bytes = typeof content === 'string' ? stringToU8a(content) : content;
  return 'b' + base32(new Uint8Array([0x01, 0x55, 0x12, 0x20, ...sha256AsU8a(bytes)]));
}
