import { T } from '../scale/type-desc.ts';
import { definePallet } from '../framework/pallet.ts';
import { storageFor } from '../framework/storage.ts';
import { AccountId32, AccountInfo, Bytes, DispatchError, DispatchInfo, H256, RuntimeVersionType, Weight } from '../framework/common-types.ts';
import { EventRecordRef } from '../framework/outer-types.ts';
import { ensureSigned } from '../framework/runtime.ts';
import { blake2_256 } from '../hashing.ts';
import { hexToBytes, bytesToHex } from '../scale/hex.ts';

const s = storageFor('System');

export interface AccountInfoValue {
  nonce: number;
  consumers: number;
  providers: number;
  sufficients: number;
  data: { free: bigint; reserved: bigint; frozen: bigint; flags: bigint };
}

export const emptyAccount = (): AccountInfoValue => ({
  nonce: 0,
  consumers: 0,
  providers: 0,
  sufficients: 0,
  data: { free: 0n, reserved: 0n, frozen: 0n, flags: 1n << 127n },
});

export const SystemStorage = {
  Account: s.map<string, AccountInfoValue>('Account', 'Blake2_128Concat', AccountId32, AccountInfo, {
    default: emptyAccount(),
    docs: [' The full account information for a particular account ID.'],
  }),
  BlockHash: s.map<number, string>('BlockHash', 'Twox64Concat', T.u32, H256, {
    default: '0x' + '00'.repeat(32),
    docs: [' Map of block numbers to block hashes.'],
  }),
  Number: s.value<number>('Number', T.u32, { default: 0, docs: [' The current block number being processed. Set by `execute_block`.'] }),
  ParentHash: s.value<string>('ParentHash', H256, { default: '0x' + '00'.repeat(32), docs: [' Hash of the previous block.'] }),
  Events: s.value<unknown[]>('Events', T.seq(EventRecordRef), { default: [], docs: [' Events deposited for the current block.'] }),
  EventCount: s.value<number>('EventCount', T.u32, { default: 0, docs: [' The number of events in the `Events<T>` list.'] }),
};

export const BLOCK_HASH_COUNT = 4096;
export const MAX_BLOCK_REF_TIME = 2_000_000_000_000n;
export const MAX_BLOCK_LENGTH = 5 * 1024 * 1024;

const PerDispatchClassU32 = T.composite(['frame_support', 'dispatch', 'PerDispatchClass'], [['normal', T.u32], ['operational', T.u32], ['mandatory', T.u32]], { params: [{ name: 'T', type: T.u32 }] });
const WeightsPerClass = T.composite(['frame_system', 'limits', 'WeightsPerClass'], [
  ['base_extrinsic', Weight],
  ['max_extrinsic', T.option(Weight)],
  ['max_total', T.option(Weight)],
  ['reserved', T.option(Weight)],
]);
const PerDispatchClassWeights = T.composite(['frame_support', 'dispatch', 'PerDispatchClass'], [['normal', WeightsPerClass], ['operational', WeightsPerClass], ['mandatory', WeightsPerClass]], { params: [{ name: 'T', type: WeightsPerClass }] });
const BlockWeights = T.composite(['frame_system', 'limits', 'BlockWeights'], [['base_block', Weight], ['max_block', Weight], ['per_class', PerDispatchClassWeights]]);
const BlockLength = T.composite(['frame_system', 'limits', 'BlockLength'], [['max', PerDispatchClassU32]]);
const RuntimeDbWeight = T.composite(['sp_weights', 'RuntimeDbWeight'], [['read', T.u64], ['write', T.u64]]);

const w = (ref: bigint) => ({ ref_time: ref, proof_size: 0n });
const perClass = {
  base_extrinsic: w(100_000_000n),
  max_extrinsic: w((MAX_BLOCK_REF_TIME * 3n) / 4n),
  max_total: w((MAX_BLOCK_REF_TIME * 3n) / 4n),
  reserved: w(0n),
};

/** `frame_system`: accounts, block bookkeeping and events. */
export const System = definePallet({
  name: 'System',
  index: 0,
  crate: 'frame_system',
  storage: SystemStorage,
  calls: {
    remark: { index: 0, args: [['remark', Bytes, 'Vec<u8>']], weight: 1_000_000n, docs: [' Make some on-chain remark.'], handler: (_env, origin) => void ensureSigned(origin) },
    remark_with_event: {
      index: 7,
      args: [['remark', Bytes, 'Vec<u8>']],
      weight: 2_000_000n,
      docs: [' Make some on-chain remark and emit event.'],
      handler: (env, origin, args: { remark: string }) => {
        const sender = ensureSigned(origin);
        System.emit(env, 'Remarked', { sender, hash: bytesToHex(blake2_256(hexToBytes(args.remark))) });
      },
    },
  },
  events: {
    ExtrinsicSuccess: { fields: [['dispatch_info', DispatchInfo]], docs: [' An extrinsic completed successfully.'] },
    ExtrinsicFailed: { fields: [['dispatch_error', DispatchError], ['dispatch_info', DispatchInfo]], docs: [' An extrinsic failed.'] },
    CodeUpdated: { fields: [], docs: [' `:code` was updated.'] },
    NewAccount: { fields: [['account', AccountId32]], docs: [' A new account was created.'] },
    KilledAccount: { fields: [['account', AccountId32]], docs: [' An account was reaped.'] },
    Remarked: { fields: [['sender', AccountId32], ['hash', H256]], docs: [' On on-chain remark happened.'] },
  },
  errors: {
    InvalidSpecName: 'The name of specification does not match between the current runtime and the new runtime.',
    SpecVersionNeedsToIncrease: 'The specification version is not allowed to decrease between the current runtime and the new runtime.',
    FailedToExtractRuntimeVersion: 'Failed to extract the runtime version from the new runtime.',
    NonDefaultComposite: 'Suicide called when the account has non-default composite data.',
    NonZeroRefCount: 'There is a non-zero reference count preventing the account from being purged.',
    CallFiltered: 'The origin filter prevent the call to be dispatched.',
  },
  constants: {
    BlockWeights: {
      type: BlockWeights,
      value: { base_block: w(5_000_000_000n), max_block: w(MAX_BLOCK_REF_TIME), per_class: { normal: perClass, operational: perClass, mandatory: { ...perClass, max_extrinsic: undefined, max_total: undefined, reserved: undefined } } },
      docs: [' Block & extrinsics weights: base values and limits.'],
    },
    BlockLength: { type: BlockLength, value: { max: { normal: MAX_BLOCK_LENGTH, operational: MAX_BLOCK_LENGTH, mandatory: MAX_BLOCK_LENGTH } }, docs: [' The maximum length of a block (in bytes).'] },
    BlockHashCount: { type: T.u32, value: BLOCK_HASH_COUNT, docs: [' Maximum number of block number to block hash mappings to keep (oldest pruned first).'] },
    DbWeight: { type: RuntimeDbWeight, value: { read: 25_000_000n, write: 100_000_000n }, docs: [' The weight of runtime database operations the runtime can invoke.'] },
    Version: { type: RuntimeVersionType, value: undefined, docs: [' Get the chain\'s in-code version.'] },
    SS58Prefix: { type: T.u16, value: 42, docs: [' The designated SS58 prefix of this chain.'] },
  },
});
