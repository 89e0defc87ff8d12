import { describe, expect, it } from 'vitest';
import { failureReason, MAX_REASON_LEN, truncateReason } from './failure-reason.ts';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('truncateReason', () => {
  it('keeps a text that fits, byte for byte', () => {
    expect(truncateReason('descriptor schema error')).toBe('descriptor schema error');
    const exact = 'é'.repeat(MAX_REASON_LEN / 2); // 256 bytes exactly
    expect(truncateReason(exact)).toBe(exact);
  });

  it.each([
    ['2-byte', 'é'],
    ['3-byte', '€'],
    ['4-byte', '𝄞'],
  ])('cuts %s characters at the 256-byte limit on a character boundary, ending in …', (_label, ch) => {
    for (let pad = 0; pad < 4; pad++) {
      const text = 'x'.repeat(pad) + ch.repeat(200);
      const cut = truncateReason(text);
      expect(utf8(cut)).toBeLessThanOrEqual(MAX_REASON_LEN);
      expect(utf8(cut)).toBeGreaterThan(MAX_REASON_LEN - 4 - 3); // at most one character and the … lost
      expect(cut.endsWith('…')).toBe(true);
      expect(cut).not.toContain('\uFFFD');
      expect(text.startsWith(cut.slice(0, -1))).toBe(true);
      expect(truncateReason(cut)).toBe(cut); // idempotent: OGate cuts what the reactor cut
    }
  });

  it('one byte over the limit is cut; lone surrogates become U+FFFD', () => {
    expect(utf8(truncateReason('x'.repeat(MAX_REASON_LEN + 1)))).toBe(MAX_REASON_LEN);
    expect(truncateReason('a\uD800b')).toBe('a\uFFFDb');
    expect(utf8(truncateReason('y'.repeat(2000), 1024))).toBe(1024);
  });

  it('failureReason is the hex of the same bytes', () => {
    const long = '€'.repeat(100);
    expect(Buffer.from(failureReason(long).slice(2), 'hex').toString('utf8')).toBe(truncateReason(long));
    expect(failureReason('0x1234')).toBe(`0x${Buffer.from('0x1234').toString('hex')}`);
  });
});
