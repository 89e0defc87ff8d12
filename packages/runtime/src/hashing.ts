import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto';
import { u8aConcat } from '@polkadot/util';

export type StorageHasher =
  | 'Blake2_128'
  | 'Blake2_256'
  | 'Blake2_128Concat'
  | 'Twox128'
  | 'Twox256'
  | 'Twox64Concat'
  | 'Identity';

export const blake2_256 = (data: Uint8Array): Uint8Array => blake2AsU8a(data, 256);
export const twox128 = (data: Uint8Array | string): Uint8Array => xxhashAsU8a(data, 128);

export function hashKey(hasher: StorageHasher, data: Uint8Array): Uint8Array {
  switch (hasher) {
    case 'Blake2_128':
      return blake2AsU8a(data, 128);
    case 'Blake2_256':
      return blake2AsU8a(data, 256);
    case 'Blake2_128Concat':
      return u8aConcat(blake2AsU8a(data, 128), data);
    case 'Twox128':
      return xxhashAsU8a(data, 128);
    case 'Twox256':
      return xxhashAsU8a(data, 256);
    case 'Twox64Concat':
      return u8aConcat(xxhashAsU8a(data, 64), data);
    case 'Identity':
      return data;
  }
}

/** Bytes of the hashed prefix that precede the raw key in a `*Concat` / `Identity` hasher output. */
export function hasherPrefixLength(hasher: StorageHasher): number | undefined {
  switch (hasher) {
    case 'Blake2_128Concat':
      return 16;
    case 'Twox64Concat':
      return 8;
    case 'Identity':
      return 0;
    default:
      return undefined;
  }
}
