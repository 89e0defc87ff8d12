/**
 * Regenerates packages/ogate-contract/src/schema.ts (the contract's types) from
 * packages/ogate-contract/openapi.yaml with openapi-typescript.
 *
 *   pnpm --filter @dinfra/ogate-contract generate            # regenerate (commit the result)
 *   pnpm --filter @dinfra/ogate-contract generate:check      # fail if the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderSchema, SCHEMA_FILE } from './render-schema.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

const fresh = await renderSchema();
if (values.check) {
  let committed = '';
  try {
    committed = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (committed !== fresh) {
    console.error(
      'packages/ogate-contract/src/schema.ts is out of date with openapi.yaml.\n' +
        'Run `pnpm --filter @dinfra/ogate-contract generate` and commit src/schema.ts.',
    );
    process.exit(1);
  }
  console.log('packages/ogate-contract/src/schema.ts is up to date with openapi.yaml.');
} else {
  writeFileSync(SCHEMA_FILE, fresh);
  console.log('Generated packages/ogate-contract/src/schema.ts from openapi.yaml.');
}
