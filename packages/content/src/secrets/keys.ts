import { DEV_PHRASE } from '@polkadot/keyring';
import { decodePair } from '@polkadot/keyring/pair/decode';
import { base64Decode, decodeAddress, keyExtractSuri, keyFromPath, mnemonicToMiniSecret, mnemonicValidate, sr25519PairFromSeed } from '@polkadot/util-crypto';
import { SecretKeyError } from '../errors.ts';
import type { Sr25519Keypair } from './open.ts';

/**
 * The sr25519 keypair of a secret URI, derived exactly as `Keyring.addFromUri` does: a BIP39
 * mnemonic or 32-byte hex seed, or `//Dev` paths from the dev phrase, with `//hard` and
 * `/soft` junctions and `///password`. A string that is neither is refused (not taken as a
 * raw seed: a typo would make another key). The URI never appears in errors.
 */
export function sr25519KeypairFromSuri(suri: string): Sr25519Keypair {
  const invalid = () => new SecretKeyError('the secret URI is not a valid mnemonic, hex seed or derivation path (it is not shown)');
  const text = suri.trim();
  let parts: ReturnType<typeof keyExtractSuri>;
  try {
    parts = keyExtractSuri(text.startsWith('//') ? `${DEV_PHRASE}${text}` : text);
  } catch {
    throw invalid();
  }
  let seed: Uint8Array;
  if (/^0x[0-9a-fA-F]{64}$/.test(parts.phrase)) seed = Buffer.from(parts.phrase.slice(2), 'hex');
  else if (mnemonicValidate(parts.phrase)) seed = mnemonicToMiniSecret(parts.phrase, parts.password);
  else throw invalid();
  try {
    const pair = keyFromPath(sr25519PairFromSeed(seed), parts.path, 'sr25519');
    return { publicKey: pair.publicKey, secretKey: pair.secretKey };
  } catch {
    throw invalid();
  } finally {
    seed.fill(0);
  }
}

/** The sr25519 keypair in a polkadot-js keystore JSON (as `dinfra keys` and polkadot.js apps write). */
export function sr25519KeypairFromKeystore(json: unknown, password: string): Sr25519Keypair {
  const j = json as { encoded?: unknown; encoding?: { content?: unknown[]; type?: unknown }; address?: unknown } | null;
  if (typeof j !== 'object' || j === null || typeof j.encoded !== 'string' || typeof j.address !== 'string' || !Array.isArray(j.encoding?.content)) {
    throw new SecretKeyError('not a polkadot-js keystore (no address / encoded / encoding)');
  }
  if (j.encoding.content[1] !== 'sr25519') throw new SecretKeyError(`the keystore holds a ${String(j.encoding.content[1])} key; sealed secrets need sr25519`);
  const types = Array.isArray(j.encoding.type) ? (j.encoding.type as string[]) : [String(j.encoding.type)];
  let pair: { publicKey: Uint8Array; secretKey: Uint8Array };
  try {
    pair = decodePair(password, base64Decode(j.encoded), types as never);
  } catch {
    throw new SecretKeyError('cannot decrypt the keystore: wrong password or damaged file');
  }
  let address: Uint8Array;
  try {
    address = decodeAddress(j.address);
  } catch {
    throw new SecretKeyError('the keystore address is not an SS58 address');
  }
  if (Buffer.compare(Buffer.from(address), Buffer.from(pair.publicKey)) !== 0) throw new SecretKeyError('the keystore key does not match its address');
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}
