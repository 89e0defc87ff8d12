import { bytesToHex as u8aToHex, hexToBytes as hexToU8a, IncrementalTrie, type StateChanges, type StateReader } from '@dinfra/runtime';

/** The state of one block: a copy-on-write snapshot of the state trie. */
export class TrieState implements StateReader {
  constructor(readonly trie: IncrementalTrie) {}

  static fromEntries(entries: Iterable<[string, string | Uint8Array]>): TrieState {
    const trie = new IncrementalTrie(1);
    for (const [k, v] of entries) trie.set(hexToU8a(k), typeof v === 'string' ? hexToU8a(v) : v);
    return new TrieState(trie);
  }

  get(key: string): Uint8Array | undefined {
    return this.trie.get(hexToU8a(key));
  }

  keysWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (const [k] of this.trie.entriesWithPrefix(hexToU8a(prefix))) out.push(u8aToHex(k));
    return out;
  }

  *entriesWithPrefix(prefix: string): Generator<[string, Uint8Array]> {
    for (const [k, v] of this.trie.entriesWithPrefix(hexToU8a(prefix))) yield [u8aToHex(k), v];
  }

  /** A new state with `changes` applied (this one is unchanged). */
  apply(changes: StateChanges): TrieState {
    const next = this.trie.clone();
    for (const [k, v] of changes) {
      if (v === null) next.delete(hexToU8a(k));
      else next.set(hexToU8a(k), v);
    }
    return new TrieState(next);
  }

  root(): string {
    return u8aToHex(this.trie.root());
  }
}
