/**
 * Regenerates packages/ogate/src/client/schema.ts (the reactor client's types) from
 * packages/ogate/openapi.yaml with openapi-typescript.
 *
 *   pnpm --filter @dinfra/ogate client            # regenerate (commit the result)
 *   pnpm --filter @dinfra/ogate client --check    # fail if the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderClientSchema, SCHEMA_FILE } from './render-client-schema.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

const fresh = await renderClientSchema();
if (values.check) {
  let committed = '';
  try {
    committed = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (committed !== fresh) {
    console.error(
      'packages/ogate/src/client/schema.ts is out of date with packages/ogate/openapi.yaml.\n' +
        'Run `pnpm --filter @dinfra/ogate client` and commit packages/ogate/src/client/schema.ts.',
    );
    process.exit(1);
  }
  console.log('packages/ogate/src/client/schema.ts is up to date with openapi.yaml.');
} else {
  writeFileSync(SCHEMA_FILE, fresh);
  console.log('Generated packages/ogate/src/client/schema.ts from openapi.yaml.');
}
