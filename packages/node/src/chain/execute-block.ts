import { hexToU8a } from '@polkadot/util';
import {
  decodeExtrinsic,
  encodeUnsignedExtrinsic,
  TransactionValidityError,
  type ApplyOutcome,
  type CheckedInput,
  type Executive,
  type StateChanges,
} from '@dinfra/runtime';
import type { TrieState } from '../state/trie-state.ts';
import { extrinsicsRoot, hashHeader, preRuntimeDigest, type Block, type Header } from './block.ts';
import type { BlockRecord } from './chain.ts';

export interface BuildResult {
  record: BlockRecord;
  applied: Array<{ xt: CheckedInput; outcome: ApplyOutcome }>;
  rejected: Array<{ xt: CheckedInput; error: TransactionValidityError }>;
}

export const SLOT_DURATION_MS = 6000n;

/** The `Timestamp.set` inherent for `now`. */
export function timestampInherent(executive: Executive, now: bigint): CheckedInput {
  const bytes = encodeUnsignedExtrinsic(executive.runtime, { type: 'Timestamp', value: { type: 'set', value: { now } } });
  return decodeExtrinsic(executive.runtime, bytes);
}

function seal(parent: BlockRecord, number: number, state: TrieState, changes: StateChanges, extrinsics: Uint8Array[], digestLogs: Header['digest']['logs']): BlockRecord {
  const next = state.apply(changes);
  const header: Header = {
    parentHash: parent.block.hash,
    number,
    stateRoot: next.root(),
    extrinsicsRoot: extrinsicsRoot(extrinsics),
    digest: { logs: digestLogs },
  };
  const block: Block = { header, extrinsics, hash: hashHeader(header) };
  return { block, state: next, changes };
}

/**
 * Authors a block on `parent`: the timestamp inherent, then `candidates` in order; a candidate
 * that cannot be included (validity error) is skipped and reported, not included.
 * `next` lets the caller feed further candidates as earlier ones land (nonce chains).
 */
export function buildBlock(
  executive: Executive,
  parent: BlockRecord,
  now: bigint,
  candidates: Iterable<CheckedInput>,
  maxExtrinsics = 10_000,
): BuildResult {
  const state = parent.state!;
  const number = parent.block.header.number + 1;
  const env = executive.beginBlock(state, number, parent.block.hash);
  const inherent = timestampInherent(executive, now);
  executive.applyExtrinsic(env, inherent, 0);
  const extrinsics: Uint8Array[] = [inherent.bytes];
  const applied: BuildResult['applied'] = [];
  const rejected: BuildResult['rejected'] = [];
  for (const xt of candidates) {
    if (extrinsics.length >= maxExtrinsics) break;
    try {
      const outcome = executive.applyExtrinsic(env, xt, extrinsics.length);
      extrinsics.push(xt.bytes);
      applied.push({ xt, outcome });
    } catch (e) {
      if (!(e instanceof TransactionValidityError)) throw e;
      rejected.push({ xt, error: e });
      if (e.value.type === 'Invalid' && e.value.value.type === 'ExhaustsResources') break;
    }
  }
  executive.finalizeBlock(env);
  const digest = [preRuntimeDigest('aura', now / SLOT_DURATION_MS)];
  return { record: seal(parent, number, state, env.changes(), extrinsics, digest), applied, rejected };
}

export class BlockImportError extends Error {
  static readonly errorName = 'BlockImportError';
  override readonly name = 'BlockImportError';
}

/** Re-executes `block` on `parent` and checks it: every extrinsic applies, roots match. */
export function importBlock(executive: Executive, parent: BlockRecord, block: Block, verified?: CheckedInput[]): BlockRecord {
  const { header } = block;
  if (header.parentHash !== parent.block.hash) throw new BlockImportError(`#${header.number}: unknown parent ${header.parentHash}`);
  const state = parent.state;
  if (!state) throw new BlockImportError(`#${header.number}: parent state pruned`);
  const env = executive.beginBlock(state, header.number, parent.block.hash);
  block.extrinsics.forEach((bytes, i) => {
    const xt = verified?.[i] ?? decodeExtrinsic(executive.runtime, bytes);
    try {
      executive.applyExtrinsic(env, xt, i);
    } catch (e) {
      throw new BlockImportError(`#${header.number}: extrinsic ${i} invalid: ${(e as Error).message}`, { cause: e });
    }
  });
  executive.finalizeBlock(env);
  const record = seal(parent, header.number, state, env.changes(), block.extrinsics, header.digest.logs);
  if (record.block.header.stateRoot !== header.stateRoot) {
    throw new BlockImportError(`#${header.number}: state root mismatch (got ${record.block.header.stateRoot}, block says ${header.stateRoot})`);
  }
  if (record.block.hash !== block.hash) throw new BlockImportError(`#${header.number}: hash mismatch`);
  return record;
}

export { hexToU8a };
