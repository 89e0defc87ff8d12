import { readFile } from 'node:fs/promises';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { contentMatchesCid, fileCid, isCid, rawCid } from './cid.ts';
import { DescriptorError, UsageError } from './errors.ts';
import { schemaByCid } from './schemas.ts';
import type { DeploymentType } from '@dinfra/runtime-specs';

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;

/** A descriptor ready to subscribe with. */
export interface ResolvedDescriptor {
  cid: string;
  /** The local file it came from (undefined when given as a CID). */
  file: string | undefined;
  /** Whether it was validated against the type's schema here. */
  validated: boolean;
}

/** Ajv for draft 2020-12 with the standard formats (loaded on first use). */
async function newAjv(): Promise<Ajv2020> {
  const [{ Ajv2020 }, formatsModule] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
  const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath || '(root)';
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `${at}: unknown property "${String(p.additionalProperty)}"`;
  if (e.keyword === 'required') return `${at}: missing required property "${String(p.missingProperty)}"`;
  if (e.keyword === 'enum') return `${at}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `${at}: must be ${JSON.stringify(p.allowedValue)}`;
  return `${at}: ${e.message ?? e.keyword}`;
}

/** Validates `doc` against a JSON Schema document; returns the problems (empty when valid). */
export async function validateAgainst(schemaText: string, doc: unknown): Promise<string[]> {
  const ajv = await newAjv();
  const validate = ajv.compile(JSON.parse(schemaText) as object);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map(describe);
}

/** Checks that `text` is a JSON Schema that compiles; throws UsageError naming the problem. */
export async function checkSchema(text: string, file: string): Promise<void> {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`schema ${file} is not JSON: ${(e as Error).message}`);
  }
  try {
    (await newAjv()).compile(schema as object);
  } catch (e) {
    throw new UsageError(`schema ${file} is not a valid JSON Schema: ${(e as Error).message}`);
  }
}

/** The schema of a deployment type: a built-in one by CID, or `schemaFile` if it has the type's CID. */
export async function schemaFor(type: DeploymentType, schemaFile: string | undefined): Promise<string | undefined> {
  if (schemaFile !== undefined) {
    const bytes = await readLocal(schemaFile, 'schema');
    if (!(await contentMatchesCid(bytes, type.schemaCid))) {
      throw new DescriptorError(
        `schema ${schemaFile} is not the schema of type "${type.name}": its CID is ${await rawCid(bytes)}, the chain has ${type.schemaCid}`,
      );
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return (await schemaByCid(type.schemaCid))?.text;
}

async function readLocal(file: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DescriptorError(`cannot read ${what} ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? String(e)}`);
  }
}

export interface ResolveDescriptorOptions {
  /** `--schema FILE`: the schema of a type the CLI does not ship. */
  schemaFile?: string;
  /** `--no-validate`: subscribe with a file whose type has no known schema. */
  validate?: boolean;
}

/**
 * Resolves `--descriptor`: a CID is used as given (the provider's reactor validates it when it
 * fetches it); a local JSON file is parsed and validated against `type`'s schema, and its CID
 * computed as `ipfs add FILE` would. Throws DescriptorError naming the problem.
 */
export async function resolveDescriptor(arg: string, type: DeploymentType, o: ResolveDescriptorOptions = {}): Promise<ResolvedDescriptor> {
  if (isCid(arg)) return { cid: arg, file: undefined, validated: false };
  return resolveDescriptorBytes(await readDescriptorFile(arg), arg, type, o);
}

/** Reads a local descriptor file; DescriptorError when it cannot be read. */
export function readDescriptorFile(file: string): Promise<Uint8Array> {
  return readLocal(file, 'descriptor');
}

/** Parses a descriptor document (JSON); DescriptorError naming `label` when it is not JSON. */
export function parseDescriptor(bytes: Uint8Array, label: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new DescriptorError(`descriptor ${label} is not JSON: ${(e as Error).message}`);
  }
}

/**
 * Validates the descriptor `bytes` (from `label`, a file name) against `type`'s schema and
 * computes their CID as `ipfs add` would: the bytes that go to the content store.
 */
export async function resolveDescriptorBytes(bytes: Uint8Array, label: string, type: DeploymentType, o: ResolveDescriptorOptions = {}): Promise<ResolvedDescriptor> {
  const doc = parseDescriptor(bytes, label);
  const schema = await schemaFor(type, o.schemaFile);
  if (schema === undefined) {
    if (o.validate === false) return { cid: await fileCid(bytes), file: label, validated: false };
    throw new DescriptorError(
      `no schema is known for type "${type.name}" (schema CID ${type.schemaCid}): pass --schema FILE with that schema, or --no-validate`,
    );
  }
  const problems = o.validate === false ? [] : await validateAgainst(schema, doc);
  if (problems.length > 0) {
    throw new DescriptorError(`descriptor ${label} does not match the schema of type "${type.name}":\n  ${problems.join('\n  ')}`);
  }
  return { cid: await fileCid(bytes), file: label, validated: o.validate !== false };
}
