import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { rawCid } from './cid.ts';

/**
 * The JSON Schemas of the built-in deployment types (substrate-node, rpc-endpoint,
 * snapshot-source, cloud-init). The chain stores only each type's schema CID, not the schema:
 * the CLI ships these documents byte for byte (packages/provider-cli/schemas/) and finds them
 * by the CID the chain holds, so a changed schema on chain (a new CID) is never matched to an
 * old document. Schemas of other types come from `--schema FILE`, checked against the CID.
 */
export interface KnownSchema {
  name: string;
  cid: string;
  text: string;
}

const DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
let cache: Promise<Map<string, KnownSchema>> | undefined;

export function builtinSchemas(): Promise<Map<string, KnownSchema>> {
  cache ??= (async () => {
    const byCid = new Map<string, KnownSchema>();
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
      const bytes = readFileSync(join(DIR, file));
      const cid = await rawCid(bytes);
      byCid.set(cid, { name: file.replace(/\.schema\.json$/, ''), cid, text: bytes.toString('utf8') });
    }
    return byCid;
  })();
  return cache;
}

export async function schemaByCid(cid: string): Promise<KnownSchema | undefined> {
  return (await builtinSchemas()).get(cid);
}
