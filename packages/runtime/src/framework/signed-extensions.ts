import { T, type TypeDesc } from '../scale/type-desc.ts';
import { Era, H256 } from './common-types.ts';

/** A signed extension as metadata lists it: the explicit part in the extrinsic, the implicit part in the payload. */
export interface SignedExtensionDef {
  identifier: string;
  type: TypeDesc;
  additionalSigned: TypeDesc;
}

const ext = (crate: string[], name: string, fields: Parameters<typeof T.composite>[1], params: string[] = ['T']) =>
  T.composite([...crate, name], fields, { params: params.map((p) => ({ name: p })) });

export const CheckMetadataHashMode = T.variant(['frame_metadata_hash_extension', 'Mode'], [
  { name: 'Disabled' },
  { name: 'Enabled' },
]);

/** The standard extensions, in the order the runtime's `TxExtension` tuple lists them. */
export const SIGNED_EXTENSIONS: SignedExtensionDef[] = [
  { identifier: 'CheckNonZeroSender', type: ext(['frame_system', 'extensions', 'check_non_zero_sender'], 'CheckNonZeroSender', []), additionalSigned: T.unit },
  { identifier: 'CheckSpecVersion', type: ext(['frame_system', 'extensions', 'check_spec_version'], 'CheckSpecVersion', []), additionalSigned: T.u32 },
  { identifier: 'CheckTxVersion', type: ext(['frame_system', 'extensions', 'check_tx_version'], 'CheckTxVersion', []), additionalSigned: T.u32 },
  { identifier: 'CheckGenesis', type: ext(['frame_system', 'extensions', 'check_genesis'], 'CheckGenesis', []), additionalSigned: H256 },
  { identifier: 'CheckMortality', type: ext(['frame_system', 'extensions', 'check_mortality'], 'CheckMortality', [Era]), additionalSigned: H256 },
  { identifier: 'CheckNonce', type: ext(['frame_system', 'extensions', 'check_nonce'], 'CheckNonce', [T.compact(T.u32)]), additionalSigned: T.unit },
  { identifier: 'CheckWeight', type: ext(['frame_system', 'extensions', 'check_weight'], 'CheckWeight', []), additionalSigned: T.unit },
  {
    identifier: 'ChargeTransactionPayment',
    type: ext(['pallet_transaction_payment'], 'ChargeTransactionPayment', [T.compact(T.u128)]),
    additionalSigned: T.unit,
  },
  {
    identifier: 'CheckMetadataHash',
    type: T.composite(['frame_metadata_hash_extension', 'CheckMetadataHash'], [['mode', CheckMetadataHashMode]], {
      params: [{ name: 'T' }],
    }),
    additionalSigned: T.option(T.array(32, T.u8)),
  },
];
