/**
 * Command-line flags generated from a zod config schema (one schema for flags, config file and
 * docs, as the node's option table and Chopsticks' yargs options do): each top-level field
 * becomes `--kebab-name <value>`, its `.describe()` the help text, its `.default()` the shown
 * default. Sections (objects, records) stay in the config file.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';

export interface SchemaFlagsOptions {
  /** Commander syntax per field where the flag is not `--kebab-of-field <value>`, e.g. `{ graceS: '--grace <seconds>' }`. */
  readonly flags?: Readonly<Record<string, string>>;
  /** Fields without a flag (secrets that only come from the environment, ...). */
  readonly omit?: readonly string[];
  /** The environment variable of a field, shown in its help. */
  readonly env?: (field: string) => string | undefined;
  /** Value parsers per field (default: numbers for number fields, strings otherwise). */
  readonly parsers?: Readonly<Record<string, (value: string, previous: unknown) => unknown>>;
}

/** `dataDir` -> `data-dir`. */
export const kebab = (field: string): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The schema under optional/default/effects wrappers. */
function base(schema: z.ZodTypeAny): z.ZodTypeAny {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s._def.innerType;
    else if (s instanceof z.ZodEffects) s = s.innerType();
    else return s;
  }
}

function defaultOf(schema: z.ZodTypeAny): unknown {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodEffects) s = s instanceof z.ZodOptional ? s.unwrap() : s.innerType();
  return s instanceof z.ZodDefault ? (s._def.defaultValue as () => unknown)() : undefined;
}

/** The value's name in help: `<n>`, `<dir>`, `<file>`, `<url>`, `<host:port>`, `<a|b>`, else `<value>`. */
function placeholder(field: string, type: z.ZodTypeAny): string {
  if (type instanceof z.ZodNumber) return '<n>';
  if (type instanceof z.ZodEnum) return `<${(type.options as string[]).join('|')}>`;
  if (/Dir$/.test(field)) return '<dir>';
  if (/(^url|Url|Api)$/.test(field)) return '<url>';
  if (/^(listen|.*Listen)$/.test(field)) return '<host:port>';
  return '<value>';
}

/** A number when the text is one; else the text, for zod to refuse naming the field. */
const numberOrText = (v: string): number | string => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v);

function helpOf(field: string, schema: z.ZodTypeAny, o: SchemaFlagsOptions): string {
  const parts = [schema.description ?? base(schema).description ?? ''];
  const env = o.env?.(field);
  const d = defaultOf(schema);
  const notes = [...(d !== undefined && typeof d !== 'boolean' && !(Array.isArray(d) && d.length === 0) ? [`default ${String(d)}`] : []), ...(env ? [`env ${env}`] : [])];
  if (notes.length) parts.push(`(${notes.join('; ')})`);
  return parts.filter(Boolean).join(' ');
}

/**
 * Adds a flag per top-level field of `schema` to `cmd`; returns the function that turns
 * commander's parsed options back into config fields (flags not given are left out).
 */
export function addSchemaFlags(cmd: Command, schema: z.AnyZodObject, o: SchemaFlagsOptions = {}): (opts: Record<string, unknown>) => Record<string, unknown> {
  const attributes: [field: string, attribute: string][] = [];
  for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) {
    if (o.omit?.includes(field)) continue;
    const type = base(fieldSchema);
    if (type instanceof z.ZodObject || type instanceof z.ZodRecord) continue;
    const syntax = o.flags?.[field] ?? `--${kebab(field)}${type instanceof z.ZodBoolean ? '' : type instanceof z.ZodArray ? ' <value...>' : ` ${placeholder(field, type)}`}`;
    const option = new Option(syntax, helpOf(field, fieldSchema, o));
    const parser = o.parsers?.[field] ?? (type instanceof z.ZodNumber ? numberOrText : undefined);
    if (parser) option.argParser(parser);
    cmd.addOption(option);
    attributes.push([field, option.attributeName()]);
  }
  return (opts) => {
    const out: Record<string, unknown> = {};
    for (const [field, attribute] of attributes) if (opts[attribute] !== undefined) out[field] = opts[attribute];
    return out;
  };
}
