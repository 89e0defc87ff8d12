/** Loads the configuration from a file, the environment and flags (flags win), validated once. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { configFields, configSchema, NUMERIC_FIELDS, type OGateConfig } from './schema.ts';
import { ConfigError } from './errors.ts';

const ENV_PREFIX = 'DINFRA_OGATE_';

/** `descriptorTimeoutMs` -> `DINFRA_OGATE_DESCRIPTOR_TIMEOUT_MS`. */
export const envName = (field: string): string => ENV_PREFIX + field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

function fromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(configFields.shape)) {
    const v = env[envName(field)];
    if (v === undefined || v === '') continue;
    out[field] = field === 'oldSuris' ? v.split(',').filter(Boolean) : v;
  }
  if (env.DINFRA_PASSWORD !== undefined && out.password === undefined) out.password = env.DINFRA_PASSWORD;
  return out;
}

function fromFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`config: cannot read ${path}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`config: ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError(`config: ${path} must hold an object`);
  return doc as Record<string, unknown>;
}

function coerceNumbers(raw: Record<string, unknown>): Record<string, unknown> {
  const out = { ...raw };
  for (const f of NUMERIC_FIELDS) {
    const v = out[f];
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) out[f] = Number(v);
  }
  return out;
}

export interface LoadConfigOptions {
  /** Values from command-line flags (undefined entries are ignored). */
  flags?: Record<string, unknown>;
  /** A YAML or JSON config file. */
  file?: string;
  env?: NodeJS.ProcessEnv;
}

/** Merges file < env < flags and validates; a ConfigError names each bad field. */
export function loadConfig(options: LoadConfigOptions = {}): OGateConfig {
  const flags = Object.fromEntries(Object.entries(options.flags ?? {}).filter(([, v]) => v !== undefined));
  const merged = coerceNumbers({ ...(options.file ? fromFile(options.file) : {}), ...fromEnv(options.env ?? process.env), ...flags });
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const field = i.path.join('.') || '(config)';
      const hint = i.path.length ? ` (flag --${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}, env ${envName(String(i.path[0]))})` : '';
      return `  ${field}: ${i.code === 'unrecognized_keys' ? i.message : i.message}${hint}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`, [...new Set(parsed.error.issues.map((i) => i.path.join('.')))]);
  }
  return parsed.data;
}
