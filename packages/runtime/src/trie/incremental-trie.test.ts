import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { IncrementalTrie, trieHashStats, trieRoot, verifyProof, type StateVersion } from './index.ts';

const hex = u8aToHex;

/** Keys from a tiny alphabet so that shared prefixes (and prefix-of-other keys) are common. */
const keyArb = fc.uint8Array({ minLength: 0, maxLength: 4 }).map((k) => k.map((x) => x & 0x13));
/** Values: empty, 1..31, exactly 32 and 33 bytes (the V1 threshold), and long ones. */
const valueArb = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ minLength: 1, maxLength: 31 }),
  fc.uint8Array({ minLength: 32, maxLength: 33 }),
  fc.uint8Array({ minLength: 34, maxLength: 80 }),
);
const opArb = fc.oneof(
  fc.tuple(fc.constant('set' as const), keyArb, valueArb),
  fc.tuple(fc.constant('del' as const), keyArb, fc.constant(new Uint8Array(0))),
);

function replay(ops: ['set' | 'del', Uint8Array, Uint8Array][], version: StateVersion) {
  const trie = new IncrementalTrie(version);
  const model = new Map<string, [Uint8Array, Uint8Array]>();
  const snapshots: [IncrementalTrie, Uint8Array][] = [];
  for (const [op, k, v] of ops) {
    if (op === 'set') (trie.set(k, v), model.set(hex(k), [k, v]));
    else (trie.delete(k), model.delete(hex(k)));
    if (snapshots.length < 3) snapshots.push([trie.clone(), trieRoot(model.values(), version)]);
  }
  return { trie, model, snapshots };
}

describe('IncrementalTrie', () => {
  for (const version of [0, 1] as const) {
    it(`matches trieRoot after random sets/deletes (V${version}), snapshots unaffected`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
          const { trie, model, snapshots } = replay(ops, version);
          expect(hex(trie.root())).toBe(hex(trieRoot(model.values(), version)));
          for (const [k, v] of model.values()) expect(hex(trie.get(k)!)).toBe(hex(v));
          expect([...trie.entries()].map(([k, v]) => hex(k) + hex(v)).sort()).toEqual(
            [...model.values()].map(([k, v]) => hex(k) + hex(v)).sort(),
          );
          for (const [snap, root] of snapshots) expect(hex(snap.root())).toBe(hex(root));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('deleting everything returns to the empty root; get of absent keys is undefined', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, valueArb), { maxLength: 40 }), (entries) => {
        const trie = IncrementalTrie.fromEntries(entries);
        for (const [k] of entries) trie.delete(k);
        expect(hex(trie.root())).toBe(hex(trieRoot([])));
        for (const [k] of entries) expect(trie.get(k)).toBeUndefined();
      }),
    );
  });

  it('proofs verify for present and absent keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyArb, valueArb), { maxLength: 40 }),
        fc.array(keyArb, { minLength: 1, maxLength: 5 }),
        (entries, queried) => {
          const trie = IncrementalTrie.fromEntries(entries);
          const root = trie.root();
          const proof = trie.proof(queried);
          for (const k of queried) {
            const got = verifyProof(root, proof, k);
            const want = trie.get(k);
            expect(got === null ? null : hex(got)).toBe(want === undefined ? null : hex(want));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('proof of one key is not enough for an unrelated key', () => {
    const entries = Array.from({ length: 200 }, (_, i): [Uint8Array, Uint8Array] => [
      new Uint8Array([i, i ^ 0x55, 7]),
      new Uint8Array(40).fill(i),
    ]);
    const trie = IncrementalTrie.fromEntries(entries);
    const proof = trie.proof([entries[0]![0]]);
    expect(hex(verifyProof(trie.root(), proof, entries[0]![0])!)).toBe(hex(entries[0]![1]));
    expect(() => verifyProof(trie.root(), proof, entries[150]![0])).toThrow(/proof lacks/);
    // a hashed (V1) value missing from the proof is detected too
    const withoutValue = proof.filter((n) => hex(n) !== hex(entries[0]![1]));
    expect(() => verifyProof(trie.root(), withoutValue, entries[0]![0])).toThrow(/proof lacks/);
  });

  it('root() after changing k of n keys costs O(k * depth) hashes, not O(n)', () => {
    const n = 20_000;
    const key = (i: number) => {
      const k = new Uint8Array(32);
      new DataView(k.buffer).setUint32(0, Math.imul(i, 2654435761) >>> 0);
      k[31] = i & 255;
      return k;
    };
    const trie = new IncrementalTrie();
    for (let i = 0; i < n; i++) trie.set(key(i), new Uint8Array(80).fill(i & 255));
    let before = trieHashStats.calls;
    trie.root();
    const full = trieHashStats.calls - before;
    expect(full).toBeGreaterThan(n); // every leaf (and its 80-byte value) is hashed once

    before = trieHashStats.calls;
    trie.root(); // unchanged: fully cached
    expect(trieHashStats.calls - before).toBe(0);

    const k = 10;
    const snapshot = trie.clone();
    for (let i = 0; i < k; i++) trie.set(key(i * 997), new Uint8Array(80).fill(1));
    before = trieHashStats.calls;
    trie.root();
    const incremental = trieHashStats.calls - before;
    // depth of a 20k-key random trie is ~4-5 levels; allow 8 node hashes + 1 value hash per key.
    expect(incremental).toBeLessThanOrEqual(k * 9);
    expect(incremental).toBeGreaterThanOrEqual(k);

    before = trieHashStats.calls;
    snapshot.root(); // the snapshot kept its cached hashes
    expect(trieHashStats.calls - before).toBe(0);
  });
});

describe('entriesWithPrefix', () => {
  it('returns exactly the entries under a byte prefix, in order', () => {
    const t = new IncrementalTrie();
    const keys = ['0x0102', '0x010203', '0x0103', '0x02', '0x0101ff', '0x01'];
    for (const k of keys) t.set(hexToU8a(k), new Uint8Array([1]));
    const got = (p: string) => [...t.entriesWithPrefix(hexToU8a(p))].map(([k]) => u8aToHex(k));
    expect(got('0x01')).toEqual(['0x01', '0x0101ff', '0x0102', '0x010203', '0x0103']);
    expect(got('0x0102')).toEqual(['0x0102', '0x010203']);
    expect(got('0x03')).toEqual([]);
    expect(got('0x')).toEqual(['0x01', '0x0101ff', '0x0102', '0x010203', '0x0103', '0x02']);
  });
});
