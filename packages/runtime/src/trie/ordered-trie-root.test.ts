import { describe, expect, it } from 'vitest';
import { u8aToHex } from '@polkadot/util';
import { EMPTY_TRIE_ROOT, orderedTrieKey, orderedTrieRoot, trieRoot, trieRootNode } from './index.ts';

const hex = u8aToHex;

describe('orderedTrieRoot', () => {
  it('no extrinsics: the empty trie root (as in every empty block header)', () => {
    expect(hex(orderedTrieRoot([]))).toBe(hex(EMPTY_TRIE_ROOT));
  });

  it('keys are SCALE Compact<u32> of the index', () => {
    expect(hex(orderedTrieKey(0))).toBe('0x00');
    expect(hex(orderedTrieKey(1))).toBe('0x04');
    expect(hex(orderedTrieKey(63))).toBe('0xfc');
    expect(hex(orderedTrieKey(64))).toBe('0x0101');
    expect(hex(orderedTrieKey(16384))).toBe('0x02000100');
  });

  it('single short extrinsic: leaf with key 0x00', () => {
    // leaf, 2 nibbles (0x00), value Compact(2) ++ 0xabcd
    expect(hex(trieRootNode([[orderedTrieKey(0), new Uint8Array([0xab, 0xcd])]], 0))).toBe('0x420008abcd');
  });

  it('equals trieRoot over explicit compact keys (more than 64 entries reorders keys)', () => {
    const values = Array.from({ length: 70 }, (_, i) => new Uint8Array(i % 40).fill(i));
    const explicit = values.map((v, i): [Uint8Array, Uint8Array] => [orderedTrieKey(i), v]);
    expect(hex(orderedTrieRoot(values))).toBe(hex(trieRoot(explicit, 0)));
    expect(hex(orderedTrieRoot(values, 1))).toBe(hex(trieRoot(explicit, 1)));
  });

  it('defaults to V0, which differs from V1 once an extrinsic is >= 33 bytes', () => {
    const short = [new Uint8Array(32).fill(1)];
    expect(hex(orderedTrieRoot(short))).toBe(hex(orderedTrieRoot(short, 1)));
    const long = [new Uint8Array(33).fill(1)];
    expect(hex(orderedTrieRoot(long))).toBe(hex(orderedTrieRoot(long, 0)));
    expect(hex(orderedTrieRoot(long))).not.toBe(hex(orderedTrieRoot(long, 1)));
  });
});
