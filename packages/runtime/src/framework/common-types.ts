import { T, type TypeDesc } from '../scale/type-desc.ts';

/** Types shared by every pallet, with the scale-info paths that clients look for. */
export const H256 = T.composite(['primitive_types', 'H256'], [T.array(32, T.u8)]);
export const AccountId32 = T.composite(['sp_core', 'crypto', 'AccountId32'], [T.array(32, T.u8)]);
export const Bytes = T.seq(T.u8);
export const Balance = T.u128;
export const BlockNumber = T.u32;

export const MultiAddress = T.variant(
  ['sp_runtime', 'multiaddress', 'MultiAddress'],
  [
    { name: 'Id', fields: [AccountId32] },
    { name: 'Index', fields: [T.compact(T.unit)] },
    { name: 'Raw', fields: [Bytes] },
    { name: 'Address32', fields: [T.array(32, T.u8)] },
    { name: 'Address20', fields: [T.array(20, T.u8)] },
  ],
  { params: [{ name: 'AccountId', type: AccountId32 }, { name: 'AccountIndex', type: T.unit }] },
);

export const MultiSignature = T.variant(
  ['sp_runtime', 'MultiSignature'],
  [
    { name: 'Ed25519', fields: [T.array(64, T.u8)] },
    { name: 'Sr25519', fields: [T.array(64, T.u8)] },
    { name: 'Ecdsa', fields: [T.array(65, T.u8)] },
  ],
);

export const Weight = T.composite(
  ['sp_weights', 'weight_v2', 'Weight'],
  [['ref_time', T.compact(T.u64)], ['proof_size', T.compact(T.u64)]],
);
export const DispatchClass = T.variant(
  ['frame_support', 'dispatch', 'DispatchClass'],
  [{ name: 'Normal' }, { name: 'Operational' }, { name: 'Mandatory' }],
);
export const Pays = T.variant(['frame_support', 'dispatch', 'Pays'], [{ name: 'Yes' }, { name: 'No' }]);
export const DispatchInfo = T.composite(
  ['frame_support', 'dispatch', 'DispatchInfo'],
  [['weight', Weight], ['class', DispatchClass], ['pays_fee', Pays]],
);

export const ModuleError = T.composite(
  ['sp_runtime', 'ModuleError'],
  [['index', T.u8], ['error', T.array(4, T.u8)]],
);
export const TokenError = T.variant(
  ['sp_runtime', 'TokenError'],
  ['FundsUnavailable', 'OnlyProvider', 'BelowMinimum', 'CannotCreate', 'UnknownAsset', 'Frozen', 'Unsupported',
    'CannotCreateHold', 'NotExpendable', 'Blocked'].map((name) => ({ name })),
);
export const ArithmeticError = T.variant(
  ['sp_arithmetic', 'ArithmeticError'],
  [{ name: 'Underflow' }, { name: 'Overflow' }, { name: 'DivisionByZero' }],
);
export const TransactionalError = T.variant(
  ['sp_runtime', 'TransactionalError'],
  [{ name: 'LimitReached' }, { name: 'NoLayer' }],
);
export const DispatchError = T.variant(
  ['sp_runtime', 'DispatchError'],
  [
    { name: 'Other' },
    { name: 'CannotLookup' },
    { name: 'BadOrigin' },
    { name: 'Module', fields: [ModuleError] },
    { name: 'ConsumerRemaining' },
    { name: 'NoProviders' },
    { name: 'TooManyConsumers' },
    { name: 'Token', fields: [TokenError] },
    { name: 'Arithmetic', fields: [ArithmeticError] },
    { name: 'Transactional', fields: [TransactionalError] },
    { name: 'Exhausted' },
    { name: 'Corruption' },
    { name: 'Unavailable' },
    { name: 'RootNotAllowed' },
  ],
);
export const DispatchResult = T.result(T.unit, DispatchError);

export const Phase = T.variant(
  ['frame_system', 'Phase'],
  [{ name: 'ApplyExtrinsic', fields: [T.u32] }, { name: 'Finalization' }, { name: 'Initialization' }],
);

export const AccountData = T.composite(
  ['pallet_balances', 'types', 'AccountData'],
  [['free', Balance], ['reserved', Balance], ['frozen', Balance], ['flags', T.composite(['pallet_balances', 'types', 'ExtraFlags'], [T.u128])]],
  { params: [{ name: 'Balance', type: Balance }] },
);
export const AccountInfo = T.composite(
  ['frame_system', 'AccountInfo'],
  [['nonce', T.u32], ['consumers', T.u32], ['providers', T.u32], ['sufficients', T.u32], ['data', AccountData]],
  { params: [{ name: 'Nonce', type: T.u32 }, { name: 'AccountData', type: AccountData }] },
);

/** The era of a mortal or immortal transaction: 256 variants, as scale-info describes `Era`. */
export const Era = T.variant(
  ['sp_runtime', 'generic', 'era', 'Era'],
  Array.from({ length: 256 }, (_, i) =>
    i === 0 ? { name: 'Immortal', index: 0 } : { name: `Mortal${i}`, index: i, fields: [T.u8] as TypeDesc[] },
  ),
);

export const RuntimeVersionType = T.composite(
  ['sp_version', 'RuntimeVersion'],
  [
    ['spec_name', T.str],
    ['impl_name', T.str],
    ['authoring_version', T.u32],
    ['spec_version', T.u32],
    ['impl_version', T.u32],
    ['apis', T.seq(T.tuple(T.array(8, T.u8), T.u32))],
    ['transaction_version', T.u32],
    ['state_version', T.u8],
  ],
);
