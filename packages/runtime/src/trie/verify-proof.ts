/**
 * Read-proof verification: looks a key up in a trie given only its root hash and a set of
 * encoded nodes (and hashed values), as a light client does with `state_getReadProof` output.
 * @module
 */
import { u8aToHex } from '@polkadot/util';
import { HASH_LENGTH, toNibbles, trieHash } from './node-codec.ts';
import { decodeNode } from './node-decode.ts';

export class IncompleteProofError extends Error {
  constructor(hash: Uint8Array) {
    super(`trie: proof lacks the node or value with hash ${u8aToHex(hash)}`);
    this.name = 'IncompleteProofError';
  }
}

/**
 * Returns the value of `key` proven by `proof` against `root`, or `null` if the proof shows the key
 * is absent. Throws {@link IncompleteProofError} when a needed node or value is missing from the
 * proof, and an `Error` on malformed nodes.
 */
export function verifyProof(
  root: Uint8Array,
  proof: readonly Uint8Array[],
  key: Uint8Array,
): Uint8Array | null {
  const db = new Map<string, Uint8Array>();
  for (const item of proof) db.set(u8aToHex(trieHash(item)), item);
  const lookup = (hash: Uint8Array): Uint8Array => {
    const found = db.get(u8aToHex(hash));
    if (found === undefined) throw new IncompleteProofError(hash);
    return found;
  };
  const nibbles = toNibbles(key);
  let encoded = lookup(root);
  let pos = 0;
  for (;;) {
    const node = decodeNode(encoded);
    const { partial } = node;
    if (partial.length > nibbles.length - pos) return null;
    for (let i = 0; i < partial.length; i++) if (partial[i] !== nibbles[pos + i]) return null;
    pos += partial.length;
    if (pos === nibbles.length) {
      if (node.value === undefined) return null;
      return node.value.hashed ? lookup(node.value.data) : node.value.data;
    }
    const ref = node.children?.[nibbles[pos++]!];
    if (ref === undefined) return null;
    encoded = ref.length === HASH_LENGTH ? lookup(ref) : ref;
  }
}
