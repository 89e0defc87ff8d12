import { IncrementalTrie } from '@dinfra/runtime';
import { hexToU8a } from '@polkadot/util';
import { TrieState } from '../state/trie-state.ts';
import { extrinsicsRoot, hashHeader, type Header } from './block.ts';
import type { BlockRecord } from './chain.ts';

/** Block #0 of a chain: its state is the genesis storage; no extrinsics, no digest. */
export function genesisBlock(storage: Map<string, string>): BlockRecord {
  const trie = new IncrementalTrie(1);
  for (const [k, v] of storage) trie.set(hexToU8a(k), hexToU8a(v));
  const state = new TrieState(trie);
  const header: Header = {
    parentHash: '0x' + '00'.repeat(32),
    number: 0,
    stateRoot: state.root(),
    extrinsicsRoot: extrinsicsRoot([]),
    digest: { logs: [] },
  };
  return { block: { header, extrinsics: [], hash: hashHeader(header) }, state, changes: new Map() };
}
