import { readFile } from 'node:fs/promises';
import type { Keyring as KeyringT } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { KeyError, UsageError } from './errors.ts';
import { promptSecret } from './prompt.ts';

/** A keyring of `scheme`, after the crypto WASM is ready (loaded on first use). */
export async function keyring(scheme: KeyScheme, ss58 = 42): Promise<KeyringT> {
  const [{ Keyring }, { cryptoWaitReady }] = await Promise.all([import('@polkadot/keyring'), import('@polkadot/util-crypto')]);
  await cryptoWaitReady();
  return new Keyring({ type: scheme, ss58Format: ss58 });
}

export type KeyScheme = 'sr25519' | 'ed25519' | 'ecdsa';
export const KEY_SCHEMES: KeyScheme[] = ['sr25519', 'ed25519', 'ecdsa'];

/** Where the signing key comes from: flags first, then the environment. */
export interface KeySource {
  suri?: string;
  keystore?: string;
  scheme?: KeyScheme;
  env?: NodeJS.ProcessEnv;
}

export const KEY_HELP = 'give --suri, set DINFRA_SURI, or give --keystore FILE (password from DINFRA_PASSWORD or a prompt)';

/** Reads a password from DINFRA_PASSWORD (or `envName`) or asks on the terminal. */
export async function readPassword(env: NodeJS.ProcessEnv, question = 'Password: ', envName = 'DINFRA_PASSWORD'): Promise<string> {
  const fromEnv = env[envName];
  if (fromEnv !== undefined) return fromEnv;
  return promptSecret(question, `set ${envName}`);
}

export async function readKeystore(file: string): Promise<KeyringPair$Json> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new KeyError(`cannot read keystore ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyError(`keystore ${file} is not JSON (expected a polkadot-js keystore file)`);
  }
  const j = json as Partial<KeyringPair$Json>;
  if (typeof j !== 'object' || j === null || typeof j.encoded !== 'string' || typeof j.address !== 'string' || !j.encoding) {
    throw new KeyError(`keystore ${file} is not a polkadot-js keystore file (no address / encoded / encoding)`);
  }
  return j as KeyringPair$Json;
}

/** The scheme a keystore file was made with (`encoding.content[1]`). */
export function keystoreScheme(json: KeyringPair$Json): KeyScheme {
  const s = json.encoding.content[1];
  return KEY_SCHEMES.includes(s as KeyScheme) ? (s as KeyScheme) : 'sr25519';
}

/**
 * A pair from a secret URI: a BIP39 mnemonic, a 32-byte hex seed, or a dev derivation
 * (`//Alice`), each optionally followed by derivation paths and `///password`. Unlike
 * Keyring.addFromUri, a short arbitrary string is not taken as a raw seed (a typo would
 * silently make another account). The secret never appears in errors.
 */
export async function pairFromSuri(suri: string, scheme: KeyScheme = 'sr25519', ss58 = 42): Promise<KeyringPair> {
  const kr = await keyring(scheme, ss58);
  const { keyExtractSuri, mnemonicValidate } = await import('@polkadot/util-crypto');
  const invalid = () => new KeyError('the secret URI is not a valid mnemonic, hex seed or derivation path (it is not shown)');
  const text = suri.trim();
  let phrase: string;
  try {
    // `//Alice` derives from the dev phrase, as Keyring.addFromUri does.
    phrase = text.startsWith('//') ? '' : keyExtractSuri(text).phrase;
  } catch {
    throw invalid();
  }
  const ok = phrase === '' || /^0x[0-9a-fA-F]{64}$/.test(phrase) || mnemonicValidate(phrase);
  if (!ok) throw invalid();
  try {
    return kr.addFromUri(text);
  } catch {
    throw invalid();
  }
}

/** Decrypts a keystore file into a pair, asking for its password. */
export async function pairFromKeystore(file: string, env: NodeJS.ProcessEnv, ss58 = 42): Promise<KeyringPair> {
  const json = await readKeystore(file);
  const kr = await keyring(keystoreScheme(json), ss58);
  let pair: KeyringPair;
  try {
    pair = kr.addFromJson(json);
  } catch (e) {
    throw new KeyError(`keystore ${file} cannot be loaded: ${(e as Error).message}`);
  }
  const password = await readPassword(env, `Password for ${file}: `);
  try {
    pair.decodePkcs8(password);
  } catch {
    throw new KeyError(`cannot decrypt keystore ${file}: wrong password`);
  }
  return pair;
}

/** The signing key: --suri, else --keystore, else DINFRA_SURI, else DINFRA_KEYSTORE. */
export async function resolveSigner(source: KeySource, ss58 = 42): Promise<KeyringPair> {
  const env = source.env ?? process.env;
  if (source.suri !== undefined && source.keystore !== undefined) throw new UsageError('give either --suri or --keystore, not both');
  if (source.suri !== undefined) return pairFromSuri(source.suri, source.scheme, ss58);
  if (source.keystore !== undefined) return pairFromKeystore(source.keystore, env, ss58);
  if (env.DINFRA_SURI) return pairFromSuri(env.DINFRA_SURI, source.scheme, ss58);
  if (env.DINFRA_KEYSTORE) return pairFromKeystore(env.DINFRA_KEYSTORE, env, ss58);
  throw new KeyError(`this command signs a transaction but no key was given: ${KEY_HELP}`);
}

/** Whether any signing key source is configured (without reading it). */
export function hasKeySource(source: KeySource): boolean {
  const env = source.env ?? process.env;
  return source.suri !== undefined || source.keystore !== undefined || !!env.DINFRA_SURI || !!env.DINFRA_KEYSTORE;
}

/** Checks an SS58 / hex account id and re-encodes it for the chain; undefined if malformed. */
export async function normalizeAddress(text: string, ss58 = 42): Promise<string | undefined> {
  const { decodeAddress, encodeAddress } = await import('@polkadot/util-crypto');
  try {
    return encodeAddress(decodeAddress(text.trim()), ss58);
  } catch {
    return undefined;
  }
}
