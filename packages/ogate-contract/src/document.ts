/** The contract document (openapi.yaml shipped in this package), parsed on demand. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Absolute path of openapi.yaml. */
export const OPENAPI_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

/** openapi.yaml parsed (a fresh object on each call: callers may mutate theirs). */
export function loadDocument(): Record<string, unknown> {
  return parse(readFileSync(OPENAPI_PATH, 'utf8')) as Record<string, unknown>;
}
