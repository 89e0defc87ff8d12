import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2_256 } from '@dinfra/runtime';
import type { TrieState } from '../../state/trie-state.ts';

export type StorageQueryType = 'value' | 'hash' | 'closestDescendantMerkleValue' | 'descendantsValues' | 'descendantsHashes';

export interface StorageQuery {
  key: string;
  type: StorageQueryType;
}

/** One entry of `operationStorageItems`. */
export interface StorageResultItem {
  key: string;
  value?: string;
  hash?: string;
  closestDescendantMerkleValue?: string;
}

const hashOf = (v: Uint8Array): string => u8aToHex(blake2_256(v));

/** The result items of `queries` against `state`, lazily (descendants are iterated on demand). */
export function* storageResults(state: TrieState, queries: readonly StorageQuery[]): Generator<StorageResultItem> {
  for (const { key: rawKey, type } of queries) {
    const key = rawKey.toLowerCase();
    switch (type) {
      case 'value': {
        const v = state.get(key);
        if (v !== undefined) yield { key, value: u8aToHex(v) };
        break;
      }
      case 'hash': {
        const v = state.get(key);
        if (v !== undefined) yield { key, hash: hashOf(v) };
        break;
      }
      case 'closestDescendantMerkleValue': {
        const m = state.trie.closestDescendantMerkleValue(hexToU8a(key));
        if (m !== undefined) yield { key, closestDescendantMerkleValue: u8aToHex(m) };
        break;
      }
      case 'descendantsValues':
        for (const [k, v] of state.entriesWithPrefix(key)) yield { key: k, value: u8aToHex(v) };
        break;
      case 'descendantsHashes':
        for (const [k, v] of state.entriesWithPrefix(key)) yield { key: k, hash: hashOf(v) };
        break;
    }
  }
}
