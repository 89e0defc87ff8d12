import { isCid } from '../../lib/cid.ts';
import { DescriptorError, UsageError } from '../../lib/errors.ts';
import { parseDescriptor, readDescriptorFile } from '../../lib/descriptor.ts';
import { mergeSecrets, parseSecretFlags, readSecretsFile } from '../../lib/secrets-input.ts';

/** A local descriptor file and the secrets that go into it (read before anything connects). */
export interface LocalDescriptor {
  file: string;
  bytes: Uint8Array;
  doc: Record<string, unknown>;
  /** Plaintext values to seal, by name (from the descriptor, --secrets-file, --secret). */
  toSeal: Map<string, string>;
  /** Values the descriptor already holds sealed (kept as they are). */
  sealed: Map<string, string>;
}

export const hasSecrets = (d: LocalDescriptor | undefined): d is LocalDescriptor => !!d && d.toSeal.size + d.sealed.size > 0;

/**
 * Reads `--descriptor` when it is a file, with `--secret` / `--secrets-file`. A CID with
 * secrets is refused: that descriptor is published already and cannot take them.
 */
export async function readLocalDescriptor(o: { descriptor: string; secret?: string[]; secretsFile?: string }): Promise<LocalDescriptor | undefined> {
  const fromFlags = parseSecretFlags(o.secret ?? []);
  const fromFile = o.secretsFile !== undefined ? await readSecretsFile(o.secretsFile) : new Map<string, string>();
  if (isCid(o.descriptor)) {
    if (fromFlags.size + fromFile.size > 0) throw new UsageError('--secret / --secrets-file need a local --descriptor FILE: a descriptor given by CID is published already');
    return undefined;
  }
  const bytes = await readDescriptorFile(o.descriptor);
  const doc = parseDescriptor(bytes, o.descriptor);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new DescriptorError(`descriptor ${o.descriptor} must be a JSON object`);
  const d = doc as Record<string, unknown>;
  const inDoc = d.secrets;
  if (inDoc !== undefined && (typeof inDoc !== 'object' || inDoc === null || Array.isArray(inDoc))) {
    throw new DescriptorError(`descriptor ${o.descriptor}: "secrets" must be an object of name: value strings`);
  }
  const { toSeal, sealed } = mergeSecrets({ fromDescriptor: inDoc as Record<string, unknown> | undefined, fromFile, fromFlags, descriptor: o.descriptor });
  return { file: o.descriptor, bytes, doc: d, toSeal, sealed };
}

/**
 * The descriptor as it is published: every secret sealed to `recipient` (the operator's
 * sr25519 public key) under its name, the document re-serialized (2-space JSON + newline).
 */
export async function sealDescriptor(d: LocalDescriptor, recipient: Uint8Array): Promise<Uint8Array> {
  const { sealSecret } = await import('@dinfra/content');
  const secrets: Record<string, string> = Object.fromEntries(d.sealed);
  for (const [name, value] of d.toSeal) secrets[name] = sealSecret({ name, value, recipient });
  return new TextEncoder().encode(JSON.stringify({ ...d.doc, secrets }, null, 2) + '\n');
}
