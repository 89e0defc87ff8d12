import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveFile } from '@dinfra/service';
import type { z } from 'zod';
import { ChainSpecError } from './chain-spec-error.ts';
import { chainSpecSchema, type ChainSpecJson } from './chain-spec-schema.ts';
import { parseJsonLossless } from './lossless-json.ts';

/** Built-in chains: `@dinfra/runtime-specs/<name>.json`. */
export const CHAIN_PRESETS = ['dev', 'local'] as const;

/** Path of a preset's spec file. */
export function presetPath(name: (typeof CHAIN_PRESETS)[number]): string {
  return resolveFile(import.meta, `@dinfra/runtime-specs/${name}.json`);
}

/**
 * Loads a chain spec: 'dev' | 'local' (presets), else a file path resolved against the cwd.
 * @throws ChainSpecError naming the file and what is wrong with it.
 */
export function loadChainSpec(chain: string, cwd: string = process.cwd()): ChainSpecJson {
  const preset = (CHAIN_PRESETS as readonly string[]).includes(chain);
  const file = preset ? presetPath(chain as (typeof CHAIN_PRESETS)[number]) : resolve(cwd, chain);
  if (!existsSync(file)) {
    throw new ChainSpecError(file, `no such file (--chain takes ${CHAIN_PRESETS.map((p) => `"${p}"`).join(', ')} or a path to a chain spec JSON file)`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ChainSpecError(file, `cannot read: ${(cause as Error).message}`, { cause });
  }
  return parseChainSpec(text, file);
}

/** Parses and validates chain spec JSON text; `source` names it in errors. */
export function parseChainSpec(text: string, source: string): ChainSpecJson {
  let json: unknown;
  try {
    json = parseJsonLossless(text);
  } catch (cause) {
    throw new ChainSpecError(source, `invalid JSON: ${(cause as Error).message}`, { cause });
  }
  const result = chainSpecSchema.safeParse(json);
  if (!result.success) throw new ChainSpecError(source, describeIssues(result.error), { cause: result.error });
  return result.data;
}

/** `genesis.raw.top.0x12: expected 0x-prefixed hex bytes; ...` */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1) : '(root)'}: ${i.message}`)
    .join('; ');
}
