import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { sr25519Agreement } from '@polkadot/util-crypto';
import { HKDF_SALT, VERSION_1 } from './envelope.ts';

const utf8 = new TextEncoder();

function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `epk || recipient || utf8(name)`: what the key and the tag are bound to. */
function binding(epk: Uint8Array, recipient: Uint8Array, name: string): Uint8Array {
  return cat(epk, recipient, utf8.encode(name));
}

/**
 * The AEAD key and associated data of one sealed value. `secretKey` is the 64-byte sr25519
 * secret of one side and `publicKey` the other side's: the ephemeral secret with the
 * recipient's public key when sealing, the recipient's secret with the ephemeral public key
 * when opening (sr25519 agreement gives both the same 32 bytes).
 *
 *   shared = sr25519Agreement(secretKey, publicKey)
 *   key    = HKDF-SHA256(ikm = shared, salt = "dinfra-sealed:v1", info = epk || recipient || name, 32)
 *   aad    = 0x01 || epk || recipient || name
 */
export function deriveKey(o: { secretKey: Uint8Array; publicKey: Uint8Array; epk: Uint8Array; recipient: Uint8Array; name: string }): { key: Uint8Array; aad: Uint8Array } {
  const shared = sr25519Agreement(o.secretKey, o.publicKey);
  const bound = binding(o.epk, o.recipient, o.name);
  const key = hkdf(sha256, shared, HKDF_SALT, bound, 32);
  shared.fill(0);
  return { key, aad: cat(Uint8Array.of(VERSION_1), bound) };
}
