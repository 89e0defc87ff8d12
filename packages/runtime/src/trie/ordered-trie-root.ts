/**
 * Root of a list keyed by position, as `sp_trie::TrieConfiguration::ordered_trie_root`: the key of
 * `values[i]` is SCALE `Compact<u32>(i)`. This is how `extrinsics_root` is computed.
 *
 * State version for extrinsics: `frame_system::Pallet::finalize` uses
 * `RuntimeVersion::extrinsics_root_state_version()`, which is `V0` for `system_version` 0 and 1
 * (every Polkadot/Kusama/system-chain runtime today, and what polkadot-sdk templates use) and `V1`
 * only for `system_version >= 2` (RFC-0042). Hence the default here is `0`; the *state* root uses
 * `V1` ({@link trieRoot}'s default). The two differ as soon as one extrinsic is >= 33 bytes.
 * @module
 */
import { compact } from 'scale-ts';
import type { StateVersion } from './node-codec.ts';
import { trieRoot } from './trie-root.ts';

/** Trie key of the `index`-th entry: SCALE `Compact<u32>`. */
export function orderedTrieKey(index: number): Uint8Array {
  return compact.enc(index);
}

/** `ordered_trie_root` of `values` under `version` (default 0, see module doc). */
export function orderedTrieRoot(values: readonly Uint8Array[], version: StateVersion = 0): Uint8Array {
  return trieRoot(
    values.map((v, i): [Uint8Array, Uint8Array] => [orderedTrieKey(i), v]),
    version,
  );
}
