import { builtinSchemaFiles } from '@dinfra/runtime-specs';
import { rawCid } from './cid.ts';

/**
 * The JSON Schemas of the built-in deployment types (substrate-node, rpc-endpoint,
 * snapshot-source, cloud-init). The chain stores only each type's schema CID, not the schema:
 * the CLI reads these documents (@dinfra/runtime-specs' one copy, byte for byte) and finds them
 * by the CID the chain holds, so a changed schema on chain (a new CID) is never matched to an
 * old document. Schemas of other types come from `--schema FILE`, checked against the CID.
 */
export interface KnownSchema {
  name: string;
  cid: string;
  text: string;
}

let cache: Promise<Map<string, KnownSchema>> | undefined;

export function builtinSchemas(): Promise<Map<string, KnownSchema>> {
  cache ??= (async () => {
    const byCid = new Map<string, KnownSchema>();
    for (const { name, bytes } of builtinSchemaFiles()) {
      const cid = await rawCid(bytes);
      byCid.set(cid, { name, cid, text: new TextDecoder().decode(bytes) });
    }
    return byCid;
  })();
  return cache;
}

export async function schemaByCid(cid: string): Promise<KnownSchema | undefined> {
  return (await builtinSchemas()).get(cid);
}
