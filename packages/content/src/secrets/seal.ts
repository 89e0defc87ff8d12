import { randomBytes } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { sr25519PairFromSeed } from '@polkadot/util-crypto';
import { SecretSealError } from '../errors.ts';
import { encodeEnvelope, NONCE_LEN, VERSION_1 } from './envelope.ts';
import { deriveKey } from './kdf.ts';
import { checkName } from './name.ts';

export interface SealOptions {
  /** The property name under the descriptor's `secrets` (bound into the envelope). */
  name: string;
  /** The plaintext value. */
  value: string;
  /** The recipient's sr25519 public key (32 bytes): the awarded provider's operator. */
  recipient: Uint8Array;
}

/**
 * Seals `value` to `recipient` under `name`: a fresh ephemeral sr25519 key and a random
 * nonce for every call. Returns `dinfra-sealed:v1:<base64url>`; only the holder of the
 * recipient's secret key can open it, and only under the same name.
 */
export function sealSecret(opts: SealOptions): string {
  return sealSecretWith({ ...opts, ephemeralSeed: randomBytes(32), nonce: randomBytes(NONCE_LEN) });
}

/** The deterministic core of {@link sealSecret}; exported for the known-answer test only. */
export function sealSecretWith(o: SealOptions & { ephemeralSeed: Uint8Array; nonce: Uint8Array }): string {
  checkName(o.name, SecretSealError);
  if (!(o.recipient instanceof Uint8Array) || o.recipient.length !== 32) throw new SecretSealError(`secret "${o.name}": the recipient must be a 32-byte sr25519 public key`);
  if (typeof o.value !== 'string') throw new SecretSealError(`secret "${o.name}": the value must be a string`);
  const eph = sr25519PairFromSeed(o.ephemeralSeed);
  let derived: { key: Uint8Array; aad: Uint8Array };
  try {
    derived = deriveKey({ secretKey: eph.secretKey, publicKey: o.recipient, epk: eph.publicKey, recipient: o.recipient, name: o.name });
  } catch {
    throw new SecretSealError(`secret "${o.name}": the recipient is not a valid sr25519 public key`);
  } finally {
    eph.secretKey.fill(0);
  }
  const ciphertext = xchacha20poly1305(derived.key, o.nonce, derived.aad).encrypt(new TextEncoder().encode(o.value));
  derived.key.fill(0);
  return encodeEnvelope({ version: VERSION_1, epk: eph.publicKey, nonce: o.nonce, ciphertext });
}
