import { createHash } from 'node:crypto';
import { u8aConcat, u8aEq, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, sr25519Verify } from '@polkadot/util-crypto';
import { ManifestSignatureError, ManifestFormatError } from '../errors.ts';
import { decodeManifest, encodeUnsigned, SIGNATURE_LENGTH } from './codec.ts';
import type { ManifestBody, SignedManifest } from './types.ts';

/** Domain separation: what is signed is this ASCII prefix followed by the manifest id. */
export const SIGNING_PREFIX = new TextEncoder().encode('dinfra-snapshot-manifest:v1:');

/** Anything that signs sr25519 like a polkadot-js KeyringPair (`pair.sign(message)`). */
export interface ManifestSigner {
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

/** The manifest id: SHA-256 of magic ++ version ++ body (the signature excluded). */
export const manifestId = (unsigned: Uint8Array): Uint8Array => sha256(unsigned);

/** The message an operator key signs for a manifest with this id. */
export const signingMessage = (id: Uint8Array): Uint8Array => u8aConcat(SIGNING_PREFIX, id);

/** Encodes and signs; `body.signer` must be the signer's public key. */
export async function signManifest(body: ManifestBody, signer: ManifestSigner): Promise<SignedManifest> {
  await cryptoWaitReady();
  if (!u8aEq(body.signer, signer.publicKey)) throw new ManifestFormatError(`body.signer ${u8aToHex(body.signer)} is not the signing key ${u8aToHex(signer.publicKey)}`);
  const unsigned = encodeUnsigned(body);
  const id = manifestId(unsigned);
  const signature = signer.sign(signingMessage(id));
  if (signature.length !== SIGNATURE_LENGTH) throw new ManifestFormatError(`signer returned ${signature.length} bytes, expected an sr25519 signature (64)`);
  return { body, signature, id, bytes: u8aConcat(unsigned, signature) };
}

/**
 * Decodes a manifest file and checks its signature under `body.signer` (whether that signer may
 * sign for the provider is a separate check: {@link checkManifest}). Throws ManifestFormatError
 * or ManifestSignatureError.
 */
export async function openManifest(bytes: Uint8Array): Promise<SignedManifest> {
  const { body, unsigned, signature } = decodeManifest(bytes);
  const id = manifestId(unsigned);
  await cryptoWaitReady();
  let ok = false;
  try {
    ok = sr25519Verify(signingMessage(id), signature, body.signer);
  } catch {
    ok = false;
  }
  if (!ok) throw new ManifestSignatureError(`manifest ${u8aToHex(id)} has a bad signature (signer ${u8aToHex(body.signer)})`);
  return { body, signature, id, bytes };
}
