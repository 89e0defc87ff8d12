/**
 * The four built-in deployment type schemas, shipped in @dinfra/runtime-specs (`schemas/*`):
 * the same bytes as on chain, so OGate validates built-in types without IPFS. Each file is
 * used only when its bytes hash to the CID the chain names (checked here, never assumed).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rawCid } from '@dinfra/content';

export const BUILTIN_SCHEMA_NAMES = ['substrate-node', 'rpc-endpoint', 'snapshot-source', 'cloud-init'] as const;

let cache: Promise<Map<string, Uint8Array>> | undefined;

/** CID (CIDv1 raw, as the chain's BUILTIN_TYPES) -> schema bytes. */
export function builtinSchemas(): Promise<Map<string, Uint8Array>> {
  cache ??= (async () => {
    const require = createRequire(import.meta.url);
    const out = new Map<string, Uint8Array>();
    for (const name of BUILTIN_SCHEMA_NAMES) {
      const bytes = new Uint8Array(readFileSync(require.resolve(`@dinfra/runtime-specs/schemas/${name}.schema.json`)));
      out.set(await rawCid(bytes), bytes);
    }
    return out;
  })();
  return cache;
}
