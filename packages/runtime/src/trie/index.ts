/**
 * The Substrate state trie: base-16 Patricia-Merkle trie without extension nodes, hashed with
 * blake2-256, encoded with `sp_trie::NodeCodec` (`LayoutV1` by default; `LayoutV0` on request).
 *
 * - {@link trieRoot}: one-shot state root of a key/value set (`LayoutV1::trie_root`).
 * - {@link orderedTrieRoot}: root of a list keyed by `Compact<u32>` index (`extrinsics_root`, V0 by default).
 * - {@link IncrementalTrie}: mutable trie with memoised node hashes, O(1) snapshots and read proofs.
 * - {@link verifyProof}: checks a read proof (`state_getReadProof` output) for one key.
 * @module
 */
import { hexToU8a } from '@polkadot/util';

export {
  EMPTY_NODE,
  VALUE_HASH_THRESHOLD,
  encodeNode,
  trieHashStats,
  type NodeValue,
  type StateVersion,
} from './node-codec.ts';
export { decodeNode, type DecodedNode } from './node-decode.ts';
export { trieRoot, trieRootNode, compareBytes } from './trie-root.ts';
export { orderedTrieRoot, orderedTrieKey } from './ordered-trie-root.ts';
export { IncrementalTrie } from './incremental-trie.ts';
export { verifyProof, IncompleteProofError } from './verify-proof.ts';

/** Root of the empty trie: blake2-256(`0x00`). */
export const EMPTY_TRIE_ROOT: Uint8Array = hexToU8a(
  '0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314',
);
