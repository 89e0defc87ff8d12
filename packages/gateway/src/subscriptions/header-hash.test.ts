import { describe, expect, it } from 'vitest';
import { compact, headerHash } from './header-hash.ts';

describe('headerHash', () => {
  it('gives the hash dinfra-node reports for a header with a digest (block #3 of a --dev chain)', () => {
    const header = {
      parentHash: '0x1a3c7edddaa32fc873508756ad7cea2883f575177959b4ccabeb13f577b24354',
      number: '0x3',
      stateRoot: '0x3b3412b603ed0712ca453312ce5bc90c2e7bf4191e772a22a9887acae07d9c13',
      extrinsicsRoot: '0x6d344177bd690619c2bb71f59c36d69b918558b4d418ca08b8a03f894a69625f',
      digest: { logs: ['0x066175726120536ad71100000000'] },
    };
    expect(headerHash(header)).toBe('0xa73de63d6529aca689f03c47aad53b4c952db63766c77452841a17c6f1e507e7');
    expect(headerHash({ ...header, number: '0x4' })).not.toBe(headerHash(header));
  });

  it('encodes SCALE compact integers in each mode', () => {
    const hex = (n: number) => Buffer.from(compact(n)).toString('hex');
    expect(hex(0)).toBe('00');
    expect(hex(63)).toBe('fc');
    expect(hex(64)).toBe('0101');
    expect(hex(16383)).toBe('fdff');
    expect(hex(16384)).toBe('02000100');
    expect(hex(2 ** 30 - 1)).toBe('feffffff');
    expect(hex(2 ** 30)).toBe('0300000040');
  });
});
