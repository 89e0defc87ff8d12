import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { SecretOpenError } from '../errors.ts';
import { decodeEnvelope } from './envelope.ts';
import { deriveKey } from './kdf.ts';
import { checkName } from './name.ts';

/** An sr25519 keypair: 32-byte public key, 64-byte secret key (key || nonce). */
export interface Sr25519Keypair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export interface OpenOptions {
  /** The property name the value was found under (it must be the one it was sealed under). */
  name: string;
  sealed: string;
  /** The operator's keypairs, current first, then earlier ones (after `set_operator`). */
  keypairs: readonly Sr25519Keypair[];
}

/**
 * Opens a sealed secret with the first keypair that it was sealed to. Throws
 * SecretOpenError: a value that is not sealed, an unknown version, a malformed envelope, or
 * no keypair opens it (wrong key, tampered, or moved to another name: these cannot be told
 * apart, by design). Messages never hold the plaintext or key material.
 */
export function openSecret(opts: OpenOptions): string {
  checkName(opts.name, SecretOpenError);
  if (typeof opts.sealed !== 'string') throw new SecretOpenError(`secret "${opts.name}" cannot be opened: it is not a string`);
  const env = decodeEnvelope(opts.name, opts.sealed);
  for (const kp of opts.keypairs) {
    if (kp.publicKey.length !== 32 || kp.secretKey.length !== 64) continue;
    let key: Uint8Array | undefined;
    try {
      const d = deriveKey({ secretKey: kp.secretKey, publicKey: env.epk, epk: env.epk, recipient: kp.publicKey, name: opts.name });
      key = d.key;
      const plain = xchacha20poly1305(d.key, env.nonce, d.aad).decrypt(env.ciphertext);
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    } catch {
      // Not this key (or tampered): try the next one.
    } finally {
      key?.fill(0);
    }
  }
  const n = opts.keypairs.length;
  throw new SecretOpenError(
    `secret "${opts.name}" cannot be opened with ${n === 1 ? 'the operator key' : `any of the ${n} operator keys`}: it was sealed to another key, under another name, or altered`,
  );
}
