import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderClientSchema, SCHEMA_FILE } from '../../scripts/render-client-schema.ts';

describe('generated client schema (packages/ogate/src/client/schema.ts)', () => {
  it('is up to date with openapi.yaml (run `pnpm --filter @dinfra/ogate client` when this fails)', async () => {
    const fresh = await renderClientSchema();
    expect(readFileSync(SCHEMA_FILE, 'utf8') === fresh, 'schema.ts is stale: pnpm --filter @dinfra/ogate client').toBe(true);
  });
});
