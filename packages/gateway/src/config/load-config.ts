import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { ZodError } from 'zod';
import { ConfigError } from '../errors.ts';
import { mergePools, type FlagPool } from './pool-flags.ts';
import { configSchema, type GatewayConfig } from './schema.ts';

/** Reads a YAML or JSON config file (by extension; YAML parses JSON too). */
export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError('--config', `cannot read ${path}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError('--config', `${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError('--config', `${path} must hold an object`);
  return doc as Record<string, unknown>;
}

const fieldOf = (err: ZodError): { field: string; reason: string } => {
  const issue = err.issues[0]!;
  return { field: issue.path.length ? issue.path.join('.') : '(root)', reason: issue.message };
};

/** Validates file values merged with flag values (flags win); errors name the field. */
export function compileConfig(file: Record<string, unknown>, flags: Record<string, unknown>, source?: string): GatewayConfig {
  const { pools: flagPools, ...rest } = flags;
  const merged = deepMerge(file, rest);
  const pools = mergePools(file.pools, flagPools as FlagPool[] | undefined);
  if (pools !== undefined) merged.pools = pools;
  const r = configSchema.safeParse(merged);
  if (!r.success) {
    const { field, reason } = fieldOf(r.error);
    throw new ConfigError(field, reason, source);
  }
  return r.data;
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined) continue;
    const prev = out[k];
    out[k] = isPlain(prev) && isPlain(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
