/**
 * In-memory Substrate state trie with cached node hashes and O(1) copy-on-write snapshots.
 *
 * Nodes are immutable: an update copies the O(depth) nodes on the key's path and shares every other
 * subtree, so `clone()` is free and each node's encoding/hash is memoised on the node itself. After
 * changing k keys, `root()` re-encodes and re-hashes only the ~k·depth new nodes (plus the new
 * values under V1), never the untouched subtrees.
 * @module
 */
import { u8aEq, u8aToHex } from '@polkadot/util';
import {
  childReference,
  encodeNode,
  HASH_LENGTH,
  nodeValue,
  toNibbles,
  trieHash,
  EMPTY_NODE,
  type NodeValue,
  type StateVersion,
} from './node-codec.ts';
import { compareBytes } from './trie-root.ts';

interface Node {
  readonly partial: Uint8Array; // nibbles
  readonly value: Uint8Array | undefined;
  readonly children: readonly (Node | undefined)[] | undefined; // undefined: leaf
  /** Memoised node value (value or its hash), encoding, and reference from a parent. */
  nodeValue?: NodeValue | undefined;
  encoded?: Uint8Array;
  ref?: Uint8Array;
}

function mk(
  partial: Uint8Array,
  value: Uint8Array | undefined,
  children: readonly (Node | undefined)[] | undefined,
  memoValue?: NodeValue,
): Node {
  return { partial, value, children, nodeValue: memoValue };
}

function commonPrefix(partial: Uint8Array, key: Uint8Array, pos: number): number {
  const max = Math.min(partial.length, key.length - pos);
  let c = 0;
  while (c < max && partial[c] === key[pos + c]) c++;
  return c;
}

function insert(node: Node | undefined, key: Uint8Array, pos: number, value: Uint8Array): Node {
  if (node === undefined) return mk(key.slice(pos), value, undefined);
  const c = commonPrefix(node.partial, key, pos);
  if (c === node.partial.length) {
    if (pos + c === key.length) {
      if (node.value !== undefined && u8aEq(node.value, value)) return node;
      return mk(node.partial, value, node.children);
    }
    const nibble = key[pos + c]!;
    const child = node.children?.[nibble];
    const next = insert(child, key, pos + c + 1, value);
    if (next === child) return node;
    const children = node.children ? node.children.slice() : new Array<Node | undefined>(16).fill(undefined);
    children[nibble] = next;
    return mk(node.partial, node.value, children, node.nodeValue);
  }
  // Split `node`'s partial key at `c`.
  const children = new Array<Node | undefined>(16).fill(undefined);
  children[node.partial[c]!] = mk(node.partial.slice(c + 1), node.value, node.children, node.nodeValue);
  let branchValue: Uint8Array | undefined;
  if (pos + c === key.length) branchValue = value;
  else children[key[pos + c]!] = mk(key.slice(pos + c + 1), value, undefined);
  return mk(node.partial.slice(0, c), branchValue, children);
}

/** Rebuilds a node after a removal below or at it, restoring the trie's canonical shape. */
function normalize(
  partial: Uint8Array,
  value: Uint8Array | undefined,
  children: (Node | undefined)[] | undefined,
  memoValue: NodeValue | undefined,
): Node | undefined {
  let count = 0;
  let only = -1;
  if (children) for (let i = 0; i < 16; i++) if (children[i] !== undefined) (count++, (only = i));
  if (count === 0) return value === undefined ? undefined : mk(partial, value, undefined, memoValue);
  if (count === 1 && value === undefined) {
    const child = children![only]!;
    const merged = new Uint8Array(partial.length + 1 + child.partial.length);
    merged.set(partial);
    merged[partial.length] = only;
    merged.set(child.partial, partial.length + 1);
    return mk(merged, child.value, child.children, child.nodeValue);
  }
  return mk(partial, value, children, memoValue);
}

function remove(node: Node | undefined, key: Uint8Array, pos: number): Node | undefined {
  if (node === undefined) return undefined;
  const c = commonPrefix(node.partial, key, pos);
  if (c < node.partial.length) return node;
  if (pos + c === key.length) {
    if (node.value === undefined) return node;
    return normalize(node.partial, undefined, node.children?.slice(), undefined);
  }
  const nibble = key[pos + c]!;
  const child = node.children?.[nibble];
  if (child === undefined) return node;
  const next = remove(child, key, pos + c + 1);
  if (next === child) return node;
  const children = node.children!.slice();
  children[nibble] = next;
  return normalize(node.partial, node.value, children, node.nodeValue);
}

export class IncrementalTrie {
  private rootNode: Node | undefined = undefined;
  private emptyRoot: Uint8Array | undefined;

  /** `version`: 1 = `LayoutV1` (state), 0 = `LayoutV0`. */
  constructor(readonly version: StateVersion = 1) {}

  static fromEntries(
    entries: Iterable<readonly [Uint8Array, Uint8Array]>,
    version: StateVersion = 1,
  ): IncrementalTrie {
    const trie = new IncrementalTrie(version);
    for (const [k, v] of entries) trie.set(k, v);
    return trie;
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.rootNode = insert(this.rootNode, toNibbles(key), 0, value);
  }

  delete(key: Uint8Array): void {
    this.rootNode = remove(this.rootNode, toNibbles(key), 0);
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.walk(toNibbles(key), () => {})?.value;
  }

  /** O(1) snapshot: both tries share all nodes; later writes to either copy only their paths. */
  clone(): IncrementalTrie {
    const copy = new IncrementalTrie(this.version);
    copy.rootNode = this.rootNode;
    return copy;
  }

  /** All entries in key order. */
  entries(): Generator<[Uint8Array, Uint8Array]> {
    return this.entriesWithPrefix(new Uint8Array(0));
  }

  /** Entries whose key starts with `prefix` (whole bytes), in key order. */
  *entriesWithPrefix(prefix: Uint8Array): Generator<[Uint8Array, Uint8Array]> {
    const want = toNibbles(prefix);
    let node = this.rootNode;
    let pos = 0;
    const path: number[] = [];
    while (node !== undefined) {
      const rest = want.length - pos;
      const c = commonPrefix(node.partial, want, pos);
      if (c < Math.min(node.partial.length, rest)) return;
      if (rest <= node.partial.length) break;
      path.push(...node.partial);
      pos += node.partial.length;
      const nibble = want[pos++]!;
      path.push(nibble);
      node = node.children?.[nibble];
    }
    if (node === undefined) return;
    function* visit(n: Node, prefixPath: number[]): Generator<[Uint8Array, Uint8Array]> {
      const full = [...prefixPath, ...n.partial];
      if (n.value !== undefined) {
        const key = new Uint8Array(full.length >> 1);
        for (let i = 0; i < key.length; i++) key[i] = (full[2 * i]! << 4) | full[2 * i + 1]!;
        yield [key, n.value];
      }
      if (n.children) for (let i = 0; i < 16; i++) if (n.children[i]) yield* visit(n.children[i]!, [...full, i]);
    }
    yield* visit(node, path);
  }

  /** The state root: blake2-256 of the encoded root node (equal to {@link trieRoot} of the same entries). */
  root(): Uint8Array {
    const node = this.rootNode;
    if (node === undefined) return (this.emptyRoot ??= trieHash(EMPTY_NODE));
    const encoded = this.encode(node);
    return encoded.length >= HASH_LENGTH ? this.ref(node) : trieHash(encoded);
  }

  /**
   * Merkle value (the node's encoding if shorter than 32 bytes, else its hash; always the hash for
   * the root) of the shallowest node whose key starts with `key` (`chainHead_v1_storage`'s
   * `closestDescendantMerkleValue`); undefined when no key has that prefix.
   */
  closestDescendantMerkleValue(key: Uint8Array): Uint8Array | undefined {
    const want = toNibbles(key);
    let node = this.rootNode;
    let pos = 0;
    while (node !== undefined) {
      const rest = want.length - pos;
      const c = commonPrefix(node.partial, want, pos);
      if (rest <= node.partial.length) {
        if (c < rest) return undefined;
        return node === this.rootNode ? this.root() : this.ref(node);
      }
      if (c < node.partial.length) return undefined;
      pos += node.partial.length;
      node = node.children?.[want[pos++]!];
    }
    return undefined;
  }

  /**
   * Read proof for `keys` (what `state_getReadProof` returns): the encodings of every node that is
   * stored by hash (the root, and children of >= 32 bytes) on the lookup path of each key, plus the
   * raw values referenced by hash (V1), deduplicated and sorted as Substrate's `StorageProof`
   * (a `BTreeSet`). Proves absent keys too.
   */
  proof(keys: readonly Uint8Array[]): Uint8Array[] {
    const out = new Map<string, Uint8Array>();
    const add = (data: Uint8Array): void => void out.set(u8aToHex(data), data);
    if (this.rootNode === undefined) return [EMPTY_NODE];
    for (const key of keys) {
      const end = this.walk(toNibbles(key), (node, isRoot) => {
        const enc = this.encode(node);
        if (isRoot || enc.length >= HASH_LENGTH) add(enc);
      });
      if (end?.value !== undefined && this.valueOf(end).hashed) add(end.value);
    }
    return [...out.values()].sort(compareBytes);
  }

  /** Follows `key`, calling `visit` on each node on the way; returns the node at `key` if any. */
  private walk(key: Uint8Array, visit: (node: Node, isRoot: boolean) => void): Node | undefined {
    let node = this.rootNode;
    let pos = 0;
    while (node !== undefined) {
      visit(node, pos === 0 && node === this.rootNode);
      if (commonPrefix(node.partial, key, pos) < node.partial.length) return undefined;
      pos += node.partial.length;
      if (pos === key.length) return node;
      node = node.children?.[key[pos++]!];
    }
    return undefined;
  }

  private valueOf(node: Node): NodeValue {
    return (node.nodeValue ??= nodeValue(node.value!, this.version));
  }

  private encode(node: Node): Uint8Array {
    if (node.encoded) return node.encoded;
    const value = node.value === undefined ? undefined : this.valueOf(node);
    const children = node.children?.map((c) => (c === undefined ? undefined : this.ref(c)));
    return (node.encoded = encodeNode(node.partial, value, children));
  }

  private ref(node: Node): Uint8Array {
    return (node.ref ??= childReference(this.encode(node)));
  }
}
