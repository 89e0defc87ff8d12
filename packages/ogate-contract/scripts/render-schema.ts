/** Renders the openapi-typescript output for openapi.yaml (shared by the script and its test). */
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const OPENAPI_FILE = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('../src/schema.ts', import.meta.url));

const HEADER =
  '/* Generated from packages/ogate-contract/openapi.yaml by `pnpm --filter @dinfra/ogate-contract generate`. Do not edit. */\n\n';

export async function renderSchema(): Promise<string> {
  const ast = await openapiTS(new URL(`file://${OPENAPI_FILE}`), { alphabetize: false });
  return HEADER + astToString(ast);
}
