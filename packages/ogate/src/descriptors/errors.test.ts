import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from './errors.ts';

describe('truncateUtf8 (reasons go on chain as at most 256 bytes)', () => {
  it('keeps short text and cuts long text on a character boundary', () => {
    expect(truncateUtf8('short')).toBe('short');
    const long = 'é'.repeat(200); // 400 bytes
    const cut = truncateUtf8(long);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(256);
    expect(cut.endsWith('...')).toBe(true);
    expect(cut).not.toContain('\uFFFD');
  });
});
