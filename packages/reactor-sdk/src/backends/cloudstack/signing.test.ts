import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, formatExpires, javaUrlEncode, parseExpires, signParams, signatureMatches } from './signing.ts';

describe('CloudStack signing', () => {
  it('matches the test vector of backends.md', () => {
    expect(signParams({ apikey: 'abc', command: 'listZones', response: 'json' }, 'secret')).toBe('tcMI1Kpm20pLhrrVYtCCcualuBU=');
    expect(createHmac('sha1', 'secret').update('apikey=abc&command=listzones&response=json').digest('base64')).toBe('tcMI1Kpm20pLhrrVYtCCcualuBU=');
  });

  it('encodes values as Java URLEncoder with + as %20', () => {
    const vectors: Array<[string, string]> = [
      ['a b', 'a%20b'],
      ['a+b', 'a%2Bb'],
      ['*', '*'],
      ['-_.', '-_.'],
      ['~', '%7E'],
      ["!'()", '%21%27%28%29'],
      ['é', '%C3%A9'],
      ['a/b=c&d', 'a%2Fb%3Dc%26d'],
      ['2026-11-22T02:40:00+0000', '2026-11-22T02%3A40%3A00%2B0000'],
      ['💡', '%F0%9F%92%A1'],
    ];
    for (const [raw, enc] of vectors) expect(javaUrlEncode(raw), raw).toBe(enc);
  });

  it('sorts names case-sensitively, leaves names raw and drops signature', () => {
    const q = canonicalQuery({ command: 'x', Zeta: '1', apiKey: 'k', 'tags[0].key': 'a b', signature: 'zzz', Signature: 'yyy' });
    expect(q).toBe('Zeta=1&apiKey=k&command=x&tags[0].key=a%20b');
  });

  it('lower-cases the whole string before the HMAC (value case does not change the signature)', () => {
    expect(signParams({ command: 'listZones', name: 'ABC' }, 's')).toBe(signParams({ command: 'listzones', name: 'abc' }, 's'));
    expect(signParams({ command: 'listZones', name: 'a' }, 's')).not.toBe(signParams({ command: 'listZones', name: 'b' }, 's'));
  });

  it('formats and parses expires as CloudStack (yyyy-MM-ddTHH:mm:ssZ)', () => {
    const d = new Date(Date.UTC(2026, 10, 22, 2, 40, 0));
    expect(formatExpires(d)).toBe('2026-11-22T02:40:00+0000');
    expect(parseExpires('2026-11-22T02:40:00+0000')?.getTime()).toBe(d.getTime());
    expect(parseExpires('2026-11-22T03:40:00+0100')?.getTime()).toBe(d.getTime());
    expect(parseExpires('2026-11-22T02:40:00Z')?.getTime()).toBe(d.getTime());
    for (const bad of ['2026-11-22', 'tomorrow', '2026-11-22T02:40:00', '2026-13-45T99:99:99+0000']) expect(parseExpires(bad), bad).toBeUndefined();
  });

  it('compares signatures in constant time, any length', () => {
    expect(signatureMatches('abc=', 'abc=')).toBe(true);
    expect(signatureMatches('abc', 'abc=')).toBe(false);
  });
});
