/**
 * The four built-in deployment type schemas, shipped in @dinfra/runtime-specs (`schemas/*`):
 * the same bytes as on chain, so OGate validates built-in types without IPFS. Each file is
 * used only when its bytes hash to the CID the chain names (checked here, never assumed).
 */
import { rawCid } from '@dinfra/content';
import { builtinSchemaFiles } from '@dinfra/runtime-specs';

export { BUILTIN_SCHEMA_NAMES } from '@dinfra/runtime-specs';

let cache: Promise<Map<string, Uint8Array>> | undefined;

/** CID (CIDv1 raw, as the chain's BUILTIN_TYPES) -> schema bytes. */
export function builtinSchemas(): Promise<Map<string, Uint8Array>> {
  cache ??= (async () => {
    const out = new Map<string, Uint8Array>();
    for (const { bytes } of builtinSchemaFiles()) out.set(await rawCid(bytes), bytes);
    return out;
  })();
  return cache;
}
