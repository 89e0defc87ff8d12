/**
 * One attempt at a descriptor: fetch by CID (the store verifies the bytes), parse, validate
 * against the type's schema, open its secrets. Throws DescriptorError (transient or final).
 */
import { CidMismatchError, ContentNotFoundError, ContentTooLargeError, InvalidCidError, isSealed, openSecret, type ContentStore, type Sr25519Keypair } from '@dinfra/content';
import { DescriptorError } from './errors.ts';
import type { SchemaCache } from './schemas.ts';

export interface VerifiedDescriptor {
  /** The document without `secrets`. */
  descriptor: Record<string, unknown>;
  /** The sealed values, kept sealed at rest. */
  sealedSecrets: Record<string, string> | null;
}

export interface VerifyInput {
  cid: string;
  typeName: string;
  schemaCid: string;
  content: ContentStore;
  schemas: SchemaCache;
  keypairs: readonly Sr25519Keypair[];
  timeoutMs: number;
  maxBytes: number;
}

export async function fetchDescriptorBytes(input: Pick<VerifyInput, 'cid' | 'content' | 'timeoutMs' | 'maxBytes'>): Promise<Uint8Array> {
  try {
    return await input.content.get(input.cid, { timeoutMs: input.timeoutMs, maxBytes: input.maxBytes });
  } catch (e) {
    if (e instanceof InvalidCidError) throw new DescriptorError('invalid-cid', `descriptor CID ${input.cid} cannot be fetched: ${e.message}`, false);
    if (e instanceof ContentTooLargeError) throw new DescriptorError('too-large', `descriptor ${input.cid} is larger than ${input.maxBytes} bytes`, false);
    if (e instanceof CidMismatchError) throw new DescriptorError('cid-mismatch', `descriptor ${input.cid}: the bytes do not match the CID`, false);
    if (e instanceof ContentNotFoundError) throw new DescriptorError('unavailable', `descriptor ${input.cid} not found within ${input.timeoutMs} ms`, true);
    throw new DescriptorError('store', `descriptor ${input.cid}: content store error: ${(e as Error).message}`, true);
  }
}

export async function verifyDescriptor(input: VerifyInput): Promise<VerifiedDescriptor> {
  const bytes = await fetchDescriptorBytes(input);
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new DescriptorError('not-json', `descriptor ${input.cid} is not UTF-8 JSON`, false);
  }
  if (!input.schemaCid) throw new DescriptorError('schema-unavailable', `deployment type ${input.typeName} has no schema`, false);
  const validate = await input.schemas.validator(input.schemaCid);
  if (!validate(doc)) {
    const first = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    throw new DescriptorError('schema', `descriptor schema error (${input.typeName}): ${first.join('; ')}`, false);
  }
  const { secrets, ...rest } = doc as Record<string, unknown>;
  let sealedSecrets: Record<string, string> | null = null;
  if (secrets !== undefined) {
    if (secrets === null || typeof secrets !== 'object' || Array.isArray(secrets)) throw new DescriptorError('schema', 'descriptor secrets must be an object of sealed strings', false);
    sealedSecrets = {};
    for (const [name, sealed] of Object.entries(secrets as Record<string, unknown>)) {
      if (!isSealed(sealed)) throw new DescriptorError('secret', `secret "${name}" is not sealed`, false);
      try {
        openSecret({ name, sealed, keypairs: input.keypairs });
      } catch {
        throw new DescriptorError('secret', `secret "${name}" cannot be opened with the operator key`, false);
      }
      sealedSecrets[name] = sealed;
    }
  }
  return { descriptor: rest, sealedSecrets };
}
