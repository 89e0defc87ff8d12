import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './amount.ts';
import { AmountError } from './errors.ts';

const DIN = { symbol: 'DIN', decimals: 12 };
const T = 1_000_000_000_000n;

describe('parseAmount', () => {
  it.each([
    ['10', 10n * T],
    ['1.5', 1_500_000_000_000n],
    ['250m', 250_000_000_000n],
    ['2k', 2000n * T],
    ['1M', 1_000_000n * T],
    ['10DIN', 10n * T],
    ['1.5 DIN', 1_500_000_000_000n],
    ['10din', 10n * T],
    ['5000planck', 5000n],
    ['1 plancks', 1n],
    ['1_000', 1000n * T],
    ['.5', 500_000_000_000n],
    ['3u', 3_000_000n],
    ['7p', 7n],
    ['0', 0n],
    ['0.000000000001', 1n],
    ['1.50000', 1_500_000_000_000n],
  ])('%s', (input, expected) => {
    expect(parseAmount(input, DIN)).toBe(expected);
  });

  it('treats bare numbers as plancks with --planck, but honours explicit units', () => {
    expect(parseAmount('5000', DIN, { planck: true })).toBe(5000n);
    expect(parseAmount('2DIN', DIN, { planck: true })).toBe(2n * T);
    expect(parseAmount('250m', DIN, { planck: true })).toBe(250_000_000_000n);
    expect(() => parseAmount('1.5', DIN, { planck: true })).toThrow(/fraction of a planck/);
  });

  it.each([
    ['', /is empty/],
    ['-1', /is negative/],
    ['abc', /is malformed/],
    ['1.2.3', /is malformed/],
    ['10 DOT', /unknown unit "DOT"/],
    ['1e5', /is malformed/],
    ['0.0000000000001', /more decimals than the token's 12/],
    ['0.5p', /more decimals/],
    ['5kplanck', /mixes an SI prefix/],
    ['1.5planck', /fraction of a planck/],
    ['999999999999999999999999999999', /too large/],
  ])('rejects %j', (input, message) => {
    const err = (() => {
      try {
        parseAmount(input, DIN, { what: '--deposit' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(AmountError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/^--deposit amount/);
    expect((err as AmountError).exitCode).toBe(2);
  });
});

describe('formatAmount', () => {
  it('formats with the token symbol and trims zeros', () => {
    expect(formatAmount(1_500_000_000_000n, DIN)).toBe('1.5 DIN');
    expect(formatAmount(10n * T, DIN)).toBe('10 DIN');
    expect(formatAmount(1n, DIN)).toBe('0.000000000001 DIN');
    expect(formatAmount(0n, DIN)).toBe('0 DIN');
  });

  it('round-trips through parseAmount', () => {
    for (const v of [0n, 1n, 123_456_789n, 10n * T, 98_765_432_101_234_567n]) {
      expect(parseAmount(formatAmount(v, DIN), DIN)).toBe(v);
    }
  });
});
