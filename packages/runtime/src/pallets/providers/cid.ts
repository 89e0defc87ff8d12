import { MAX_CID_LEN } from './constants.ts';
import { hexToBytes } from '../../scale/hex.ts';

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;
const BASE32_LOWER = /^[a-z2-7]+$/;
const BASE36_LOWER = /^[a-z0-9]+$/;

/**
 * Whether `hex` holds the string bytes of a CID: CIDv0 (`Qm` + 44 base58btc characters) or a
 * CIDv1 in base32 (`b` + lower-case base32), base36 (`k` + lower-case base36) or base58btc
 * (`z` + base58btc), at least 8 and at most MaxCidLen bytes.
 */
export function isCid(hex: string): boolean {
  const bytes = hexToBytes(hex);
  if (bytes.length < 8 || bytes.length > MAX_CID_LEN) return false;
  const str = String.fromCharCode(...bytes);
  if (str.startsWith('Qm')) return str.length === 46 && BASE58.test(str);
  const body = str.slice(1);
  switch (str[0]) {
    case 'b':
      return BASE32_LOWER.test(body);
    case 'k':
      return BASE36_LOWER.test(body);
    case 'z':
      return BASE58.test(body);
    default:
      return false;
  }
}
