import { sr25519_verify } from '@polkadot-labs/schnorrkel-wasm';
import { ed25519Verify, secp256k1Recover, blake2AsU8a } from '@polkadot/util-crypto';
import { hexToU8a, u8aEq } from '@polkadot/util';

export type MultiSignatureValue = { type: 'Ed25519' | 'Sr25519' | 'Ecdsa'; value: string };

/**
 * Verifies a MultiSignature over `message` for the AccountId32 `signer`. Never throws:
 * malformed signature bytes are simply invalid.
 */
export function verifyMultiSignature(sig: MultiSignatureValue, message: Uint8Array, signer: Uint8Array): boolean {
  try {
    const bytes = hexToU8a(sig.value);
    switch (sig.type) {
      case 'Sr25519':
        return sr25519_verify(signer, message, bytes);
      case 'Ed25519':
        return ed25519Verify(message, bytes, signer);
      case 'Ecdsa': {
        const recovery = bytes[64]!;
        const pub = secp256k1Recover(blake2AsU8a(message, 256), bytes.subarray(0, 64), recovery >= 27 ? recovery - 27 : recovery);
        return u8aEq(blake2AsU8a(pub, 256), signer);
      }
    }
  } catch {
    return false;
  }
}
