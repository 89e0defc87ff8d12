import { z } from 'zod';

/** One command-line flag: its commander syntax and the zod schema that validates it. */
export interface OptionSpec<S extends z.ZodTypeAny = z.ZodTypeAny> {
  /** Commander flag syntax, e.g. `--rpc-port <port>`; the attribute name must equal the key. */
  flags: string;
  /** Validates the raw (string/boolean) value; `.describe()` is the help text, `.default()` the default. */
  schema: S;
  /** Accepted for polkadot-sdk/zombienet compatibility, but has no effect. */
  ignored?: boolean;
  /** Help text for a default that depends on other flags. */
  defaultNote?: string;
}

export type OptionTable = Record<string, OptionSpec>;

export const opt = <S extends z.ZodTypeAny>(
  flags: string,
  schema: S,
  extra: Omit<OptionSpec, 'flags' | 'schema'> = {},
): OptionSpec<S> => ({ flags, schema, ...extra });

/** Compatibility flag with no effect: takes `value` (string) or nothing (boolean). */
export const ignoredOpt = (flags: string, description: string): OptionSpec =>
  opt(flags, (flags.includes('<') ? z.union([z.string(), z.array(z.string())]) : z.boolean()).optional().describe(description), {
    ignored: true,
  });

/** The zod object schema of a table, keyed like the table. */
export function schemaOf<T extends OptionTable>(table: T): z.ZodObject<{ [K in keyof T]: T[K]['schema'] }, 'strict'> {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const [key, spec] of Object.entries(table)) shape[key] = spec.schema;
  return z.object(shape).strict() as unknown as z.ZodObject<{ [K in keyof T]: T[K]['schema'] }, 'strict'>;
}

/** The default a schema declares, for help text (undefined when none). */
export function defaultOf(schema: z.ZodTypeAny): unknown {
  return schema instanceof z.ZodDefault ? (schema._def.defaultValue as () => unknown)() : undefined;
}

/** Long flag name of a spec: `--rpc-port` from `--rpc-port <port>`. */
export function longFlag(spec: OptionSpec): string {
  const match = /--[a-z0-9-]+/.exec(spec.flags);
  return match ? match[0] : spec.flags;
}
