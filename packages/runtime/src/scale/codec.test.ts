import { describe, expect, it } from 'vitest';
import { codecOf } from './codec.ts';
import { decodeExact, DecodeError } from './decode.ts';
import { T } from './type-desc.ts';

describe('codecs', () => {
  it('round-trip the value model (numbers, bigints, hex bytes, enums, options)', () => {
    const ty = T.composite(['x', 'Thing'], [
      ['a', T.u32], ['b', T.u128], ['c', T.seq(T.u8)], ['d', T.array(2, T.u8)], ['e', T.option(T.bool)],
      ['f', T.variant(['x', 'E'], [{ name: 'A' }, { name: 'B', fields: [T.compact(T.u64)] }])],
    ]);
    const v = { a: 7, b: 10n ** 30n, c: '0x0102', d: '0xabcd', e: true, f: { type: 'B', value: 5n } };
    const c = codecOf(ty);
    expect(decodeExact(c, c.enc(v))).toEqual(v);
    expect(decodeExact(c, c.enc({ ...v, e: undefined, f: { type: 'A' } }))).toEqual({ ...v, e: undefined, f: { type: 'A' } });
  });

  it('refuse non-canonical and out-of-range compacts, as parity-scale-codec does', () => {
    const c = codecOf(T.compact(T.u32));
    expect(decodeExact(c, new Uint8Array([0x04]))).toBe(1);
    // 1 encoded in two-byte mode instead of single-byte mode.
    expect(() => decodeExact(c, new Uint8Array([0x05, 0x00]))).toThrow(/out of range decoding Compact<u32>/);
    // 2^32 does not fit a Compact<u32>.
    expect(() => decodeExact(c, new Uint8Array([0x07, 0, 0, 0, 0, 1]))).toThrow(/out of range decoding Compact<u32>/);
  });

  it('report short input in codec terms, not engine terms', () => {
    const c = codecOf(T.u64);
    const err = (() => {
      try {
        decodeExact(c, new Uint8Array([1, 2]));
      } catch (e) {
        return e as DecodeError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(DecodeError);
    expect(err!.message).toMatch(/Not enough data to fill buffer/);
  });

  it('refuse fixed-size byte arrays of the wrong length when encoding', () => {
    expect(() => codecOf(T.array(4, T.u8)).enc('0x0102')).toThrow(/expected 4 bytes/);
  });
});
