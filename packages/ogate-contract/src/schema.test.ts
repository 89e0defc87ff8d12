import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchema, SCHEMA_FILE } from '../scripts/render-schema.ts';

describe('generated contract types (packages/ogate-contract/src/schema.ts)', () => {
  it('are up to date with openapi.yaml (run `pnpm --filter @dinfra/ogate-contract generate` when this fails)', async () => {
    const fresh = await renderSchema();
    expect(readFileSync(SCHEMA_FILE, 'utf8') === fresh, 'schema.ts is stale: pnpm --filter @dinfra/ogate-contract generate').toBe(true);
  });
});
