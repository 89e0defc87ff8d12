/** The operator key from a secret URI or a keystore file (the secret is never logged). */
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { sr25519KeypairFromKeystore, sr25519KeypairFromSuri, type Sr25519Keypair } from '@dinfra/content';

export interface OperatorKeys {
  /** Signs the outbox extrinsics. */
  signer: KeyringPair;
  /** Opens sealed secrets: the current key first, then earlier ones. */
  keypairs: Sr25519Keypair[];
  old: KeyringPair[];
}

export class KeyError extends Error {
  readonly code = 'OGATE_KEY_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

export async function loadOperatorKeys(opts: { suri?: string | undefined; keystore?: string | undefined; password?: string | undefined; oldSuris?: string[] }): Promise<OperatorKeys> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  let signer: KeyringPair;
  let keypair: Sr25519Keypair;
  if (opts.keystore) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(opts.keystore, 'utf8'));
    } catch (e) {
      throw new KeyError(`keystore: cannot read ${opts.keystore}: ${(e as Error).message}`);
    }
    try {
      signer = keyring.addFromJson(json as never);
      signer.decodePkcs8(opts.password ?? '');
      keypair = sr25519KeypairFromKeystore(json, opts.password ?? '');
    } catch {
      throw new KeyError('keystore: cannot decrypt it (wrong DINFRA_PASSWORD or not an sr25519 keystore)');
    }
  } else {
    try {
      signer = keyring.addFromUri(opts.suri!);
      keypair = sr25519KeypairFromSuri(opts.suri!);
    } catch {
      throw new KeyError('suri: not a valid secret URI (mnemonic, hex seed or //Path); it is not shown');
    }
  }
  const old: KeyringPair[] = [];
  const keypairs = [keypair];
  for (const s of opts.oldSuris ?? []) {
    try {
      old.push(keyring.addFromUri(s));
      keypairs.push(sr25519KeypairFromSuri(s));
    } catch {
      throw new KeyError('oldSuris: one of them is not a valid secret URI; it is not shown');
    }
  }
  return { signer, keypairs, old };
}
