import { stringToHex } from '@polkadot/util';
import { DIN } from '../pallets/providers/constants.ts';

/** A deterministic test AccountId32: `account(1)` = 0x0101...01. */
export const account = (n: number): string => '0x' + (n & 0xff).toString(16).padStart(2, '0').repeat(32);

/** UTF-8 string as 0x-hex bytes (names, URLs, regions, CIDs in call arguments). */
export const hex = (s: string): string => stringToHex(s);

/** A valid CIDv1 (as string bytes) for descriptors. */
export const CID = hex('bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy');

export { DIN };
