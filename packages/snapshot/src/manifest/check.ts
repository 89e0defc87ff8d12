import { u8aEq, u8aToHex } from '@polkadot/util';
import { ManifestExpiredError, ManifestSignerError, WrongChainError, WrongDatabaseKindError } from '../errors.ts';
import type { DatabaseKind, ManifestBody } from './types.ts';

/** What a consumer asks of a manifest before the first data byte. Unset fields are not checked. */
export interface ManifestExpectations {
  /** Chain name as `system_chain` reports it. */
  readonly chain?: string;
  /** 0x-hex genesis hash. */
  readonly genesisHash?: string;
  readonly databaseKind?: DatabaseKind;
  /** The provider's account (0x-hex public key); the manifest's `provider` must equal it. */
  readonly provider?: string;
  /**
   * The keys allowed to sign (0x-hex): the operator the chain lists for the provider. When set,
   * `signer` must be one of them.
   */
  readonly signers?: readonly string[];
  /** Unix seconds; default now. */
  readonly now?: number;
}

/** Throws the named error for the first expectation the manifest does not meet. */
export function checkManifest(body: ManifestBody, want: ManifestExpectations): void {
  if (want.chain !== undefined && body.chain !== want.chain) throw new WrongChainError(`manifest is for chain "${body.chain}", not "${want.chain}"`);
  const genesis = u8aToHex(body.genesisHash);
  if (want.genesisHash !== undefined && genesis !== want.genesisHash.toLowerCase()) throw new WrongChainError(`manifest is for genesis ${genesis}, not ${want.genesisHash}`);
  if (want.databaseKind !== undefined && body.database.kind !== want.databaseKind) throw new WrongDatabaseKindError(`manifest holds a ${body.database.kind} database, not ${want.databaseKind}`);
  if (want.provider !== undefined && u8aToHex(body.provider) !== want.provider.toLowerCase()) throw new ManifestSignerError(`manifest names provider ${u8aToHex(body.provider)}, not ${want.provider}`);
  if (want.signers !== undefined && !want.signers.some((s) => u8aEq(body.signer, hexBytes(s)))) {
    throw new ManifestSignerError(`manifest is signed by ${u8aToHex(body.signer)}, which is not the provider's operator (${want.signers.join(', ') || 'none listed'})`);
  }
  const now = want.now ?? Math.floor(Date.now() / 1000);
  if (now > body.validUntil) throw new ManifestExpiredError(`manifest expired at ${new Date(body.validUntil * 1000).toISOString()} (now ${new Date(now * 1000).toISOString()})`);
  if (now + 300 < body.createdAt) throw new ManifestExpiredError(`manifest was created in the future (${new Date(body.createdAt * 1000).toISOString()})`);
}

function hexBytes(h: string): Uint8Array {
  return Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));
}
