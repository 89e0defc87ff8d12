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
import { checkSignatures, sharedVerifier, type SignatureVerifier } from '../verify/index.ts';

export interface BuildResult {
  record: BlockRecord;
  applied: Array<{ xt: CheckedInput; outcome: ApplyOutcome }>;
  /** Not included: a validity error, or `panic` when the runtime threw something else. */
  rejected: Array<{ xt: CheckedInput; error: TransactionValidityError; panic?: unknown }>;
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
      // In its own layer: a runtime panic (a bug, not a dispatch error) leaves no trace.
      const outcome = env.transactional(() => executive.applyExtrinsic(env, xt, extrinsics.length));
      extrinsics.push(xt.bytes);
      applied.push({ xt, outcome });
    } catch (e) {
      if (!(e instanceof TransactionValidityError)) {
        // As a Wasm runtime's panic: the transaction is invalid and stays out of the block.
        rejected.push({ xt, error: new TransactionValidityError({ type: 'Invalid', value: { type: 'Call' } }), panic: e });
        continue;
      }
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

/**
 * `importBlock` with the block's signatures checked first, all together on the verifier's
 * worker threads (what a follower should call). Extrinsics that do not decode are left to
 * `importBlock` to report.
 */
export async function importBlockChecked(
  executive: Executive,
  parent: BlockRecord,
  block: Block,
  verifier: SignatureVerifier = sharedVerifier(),
): Promise<BlockRecord> {
  if (!parent.state) return importBlock(executive, parent, block);
  const xts: CheckedInput[] = [];
  for (const bytes of block.extrinsics) {
    try {
      xts.push(decodeExtrinsic(executive.runtime, bytes));
    } catch {
      return importBlock(executive, parent, block);
    }
  }
  await checkSignatures(verifier, executive, parent.state, block.header.number, parent.block.hash, xts);
  return importBlock(executive, parent, block, xts);
}

/**
 * Imports consecutive `blocks` on `parent` (catching up): the signatures of the next
 * `lookahead` blocks are checked on the workers while the current one executes. Returns the
 * records in order; `onRecord` sees each as soon as it is imported.
 */
export async function importBlocksChecked(
  executive: Executive,
  parent: BlockRecord,
  blocks: Block[],
  options: { verifier?: SignatureVerifier; lookahead?: number; onRecord?: (record: BlockRecord) => void | Promise<void> } = {},
): Promise<BlockRecord[]> {
  const verifier = options.verifier ?? sharedVerifier();
  const lookahead = options.lookahead ?? 4;
  const state = parent.state;
  if (!state) throw new BlockImportError(`#${parent.block.header.number + 1}: parent state pruned`);
  // Signatures of block i are checked against the state the run starts from: payloads only
  // depend on it through the birth-block hash of mortal transactions, and one that is not
  // there yet is simply left for execution to check.
  const prepare = (block: Block): Promise<CheckedInput[] | undefined> => {
    const xts: CheckedInput[] = [];
    for (const bytes of block.extrinsics) {
      try {
        xts.push(decodeExtrinsic(executive.runtime, bytes));
      } catch {
        return Promise.resolve(undefined);
      }
    }
    return checkSignatures(verifier, executive, state, block.header.number, block.header.parentHash, xts).then(() => xts);
  };
  const pending: Array<Promise<CheckedInput[] | undefined>> = [];
  const records: BlockRecord[] = [];
  let next = 0;
  let current = parent;
  for (let i = 0; i < blocks.length; i++) {
    while (next < blocks.length && next <= i + lookahead) pending[next] = prepare(blocks[next++]!);
    const xts = await pending[i]!;
    delete pending[i];
    current = importBlock(executive, current, blocks[i]!, xts);
    records.push(current);
    await options.onRecord?.(current);
  }
  return records;
}

export { hexToU8a };
