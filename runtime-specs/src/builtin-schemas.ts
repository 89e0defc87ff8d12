/**
 * The JSON Schemas of the built-in deployment types, one copy (`runtime-specs/schemas/`): the
 * bytes whose CIDs the chain's genesis names. The chain stores only each CID; readers match a
 * document to a type by hashing it (never by its name alone).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const BUILTIN_SCHEMA_NAMES = ['substrate-node', 'rpc-endpoint', 'snapshot-source', 'cloud-init'] as const;
export type BuiltinSchemaName = (typeof BUILTIN_SCHEMA_NAMES)[number];

/** Each built-in schema's exact bytes, by name (read through this package's exports, so bundles find them too). */
export function builtinSchemaFiles(): Array<{ name: BuiltinSchemaName; bytes: Uint8Array }> {
  const require = createRequire(import.meta.url);
  return BUILTIN_SCHEMA_NAMES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(require.resolve(`@dinfra/runtime-specs/schemas/${name}.schema.json`))) }));
}
