import { writeFile } from 'node:fs/promises';
import type { KeyringPair } from '@polkadot/keyring/types';
import { UsageError } from '../../lib/errors.ts';
import { readPassword } from '../../lib/keys.ts';

/** Asks for a new password twice on a terminal (or takes `envName`), refusing an empty one. */
export async function newPassword(env: NodeJS.ProcessEnv, envName: string): Promise<string> {
  const fromEnv = env[envName];
  if (fromEnv !== undefined) {
    if (fromEnv === '') throw new UsageError(`${envName} is empty: a keystore needs a password`);
    return fromEnv;
  }
  const a = await readPassword({}, 'New password: ', envName);
  const b = await readPassword({}, 'Repeat the password: ', envName);
  if (a !== b) throw new UsageError('the passwords differ');
  if (a === '') throw new UsageError('a keystore needs a password');
  return a;
}

/** Writes `pair` as polkadot-js keystore JSON (scrypt + xsalsa20-poly1305) to `file` (mode 0600), or returns it for stdout. */
export async function writeKeystore(pair: KeyringPair, password: string, file: string | undefined, name?: string): Promise<string> {
  if (name !== undefined) pair.setMeta({ name });
  const json = JSON.stringify(pair.toJson(password), null, 2) + '\n';
  if (file !== undefined) {
    try {
      await writeFile(file, json, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'EEXIST' ? `${file} exists: not overwritten` : `cannot write ${file}: ${code ?? String(e)}`);
    }
  }
  return json;
}
