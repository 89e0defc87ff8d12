/**
 * One-shot Merkle root of a set of key/value pairs, as `sp_trie::LayoutV{0,1}::trie_root`
 * (`trie_root::trie_root_no_extension` over `sp_trie::TrieStream`).
 * @module
 */
import {
  EMPTY_NODE,
  childReference,
  encodeNode,
  nodeValue,
  toNibbles,
  trieHash,
  type StateVersion,
} from './node-codec.ts';

/** Lexicographic byte order (the order of `BTreeMap<Vec<u8>, _>`). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Sorts by key; on duplicate keys the last occurrence wins (as when collecting into a `BTreeMap`). */
export function sortedUniqueEntries(
  entries: Iterable<readonly [Uint8Array, Uint8Array]>,
): [Uint8Array, Uint8Array][] {
  const all: [Uint8Array, Uint8Array][] = [];
  for (const [k, v] of entries) all.push([k, v]);
  all.sort((x, y) => compareBytes(x[0], y[0])); // stable
  const out: [Uint8Array, Uint8Array][] = [];
  for (let i = 0; i < all.length; i++) {
    const next = all[i + 1];
    if (next !== undefined && compareBytes(all[i]![0], next[0]) === 0) continue;
    out.push(all[i]!);
  }
  return out;
}

/** Encodes the subtrie of sorted, distinct nibble keys `keys[lo..hi)` that share `depth` nibbles. */
function buildNode(
  keys: Uint8Array[],
  values: Uint8Array[],
  lo: number,
  hi: number,
  depth: number,
  version: StateVersion,
): Uint8Array {
  const first = keys[lo]!;
  if (hi - lo === 1) return encodeNode(first.subarray(depth), nodeValue(values[lo]!, version), undefined);
  const last = keys[hi - 1]!;
  // Sorted input: the common prefix of the whole range is that of its first and last keys.
  const max = Math.min(first.length, last.length);
  let p = depth;
  while (p < max && first[p] === last[p]) p++;
  let i = lo;
  let value;
  if (first.length === p) {
    value = nodeValue(values[lo]!, version);
    i++;
  }
  const children = new Array<Uint8Array | undefined>(16).fill(undefined);
  while (i < hi) {
    const nibble = keys[i]![p]!;
    let j = i + 1;
    while (j < hi && keys[j]![p] === nibble) j++;
    children[nibble] = childReference(buildNode(keys, values, i, j, p + 1, version));
    i = j;
  }
  return encodeNode(first.subarray(depth, p), value, children);
}

/**
 * The encoded root node (what `TrieConfiguration::trie_root_unhashed` returns): `[0x00]` for an
 * empty trie.
 */
export function trieRootNode(
  entries: Iterable<readonly [Uint8Array, Uint8Array]>,
  version: StateVersion = 1,
): Uint8Array {
  const sorted = sortedUniqueEntries(entries);
  if (sorted.length === 0) return EMPTY_NODE;
  const keys = sorted.map(([k]) => toNibbles(k));
  const values = sorted.map(([, v]) => v);
  return buildNode(keys, values, 0, keys.length, 0, version);
}

/**
 * Substrate state root of `entries` (order irrelevant; a repeated key keeps its last value):
 * blake2-256 of the encoded root node, even when that node is shorter than 32 bytes.
 * `version` 1 (default) is `LayoutV1` (values >= 33 bytes referenced by hash), 0 is `LayoutV0`.
 * Entries with an empty value are part of the trie (Substrate stores empty values).
 */
export function trieRoot(
  entries: Iterable<readonly [Uint8Array, Uint8Array]>,
  version: StateVersion = 1,
): Uint8Array {
  return trieHash(trieRootNode(entries, version));
}
