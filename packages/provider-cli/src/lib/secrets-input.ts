import { readFile } from 'node:fs/promises';
import { isSealed } from '@dinfra/content/light';
import { UsageError } from './errors.ts';

/** A secret's name: what a descriptor's `secrets` object may hold as a key. */
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/;

function checkName(name: string, where: string): void {
  if (!NAME.test(name)) throw new UsageError(`${where}: the secret name "${name.slice(0, 64)}" must be a letter or _ followed by letters, digits, _ . - (at most 128)`);
}

/** Parses `--secret NAME=VALUE` flags (the value may hold `=`; it is never echoed). */
export function parseSecretFlags(flags: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    // The argument is not echoed: without `=` it may be the value itself.
    if (eq < 0) throw new UsageError('--secret must be NAME=VALUE (one argument has no "=")');
    const name = flag.slice(0, eq);
    checkName(name, '--secret');
    if (out.has(name)) throw new UsageError(`--secret ${name} is given twice`);
    out.set(name, flag.slice(eq + 1));
  }
  return out;
}

/**
 * Reads `--secrets-file F`: a JSON object of strings (`{"nodeKey": "0x..."}`), or KEY=VALUE
 * lines (blank lines and lines starting with # are skipped; no quoting: the value is the rest
 * of the line). Values are never echoed in errors.
 */
export async function readSecretsFile(file: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--secrets-file ${file}: cannot read it (${code === 'ENOENT' ? 'no such file' : code ?? String(e)})`);
  }
  const out = new Map<string, string>();
  if (text.trimStart().startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`--secrets-file ${file} is not valid JSON: ${(e as Error).message.replace(/".*"/, '...')}`);
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new UsageError(`--secrets-file ${file}: expected a JSON object of name: value strings`);
    for (const [name, value] of Object.entries(doc)) {
      checkName(name, `--secrets-file ${file}`);
      if (typeof value !== 'string') throw new UsageError(`--secrets-file ${file}: the value of "${name}" must be a string`);
      out.set(name, value);
    }
    return out;
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new UsageError(`--secrets-file ${file}, line ${i + 1}: expected NAME=VALUE`);
    const name = line.slice(0, eq).trim();
    checkName(name, `--secrets-file ${file}, line ${i + 1}`);
    if (out.has(name)) throw new UsageError(`--secrets-file ${file}, line ${i + 1}: "${name}" is given twice`);
    out.set(name, line.slice(eq + 1));
  }
  return out;
}

/**
 * The secrets to seal: the plaintext values already under the descriptor's `secrets`, then
 * the file, then the flags. A name given by two sources is refused (never silently
 * overridden). Values already sealed in the descriptor are kept as they are.
 */
export function mergeSecrets(o: { fromDescriptor: Record<string, unknown> | undefined; fromFile: Map<string, string>; fromFlags: Map<string, string>; descriptor: string }): {
  toSeal: Map<string, string>;
  sealed: Map<string, string>;
} {
  const toSeal = new Map<string, string>();
  const sealed = new Map<string, string>();
  for (const [name, value] of Object.entries(o.fromDescriptor ?? {})) {
    if (typeof value !== 'string') throw new UsageError(`descriptor ${o.descriptor}: secrets.${name} must be a string`);
    (isSealed(value) ? sealed : toSeal).set(name, value);
  }
  const seen = (name: string) => toSeal.has(name) || sealed.has(name);
  for (const [name, value] of o.fromFile) {
    if (seen(name)) throw new UsageError(`secret "${name}" is in the descriptor's secrets and in --secrets-file: give it once`);
    toSeal.set(name, value);
  }
  for (const [name, value] of o.fromFlags) {
    if (seen(name)) throw new UsageError(`secret "${name}" is given by --secret and ${o.fromFile.has(name) ? '--secrets-file' : "the descriptor's secrets"}: give it once`);
    toSeal.set(name, value);
  }
  return { toSeal, sealed };
}
