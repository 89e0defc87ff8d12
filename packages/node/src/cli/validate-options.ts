import type { Command } from 'commander';
import type { z } from 'zod';
import { CliUsageError } from './cli-usage-error.ts';
import { longFlag, type OptionTable } from './option-spec.ts';

/** Validated options plus the long names of the ignored flags that were passed. */
export interface ValidatedOptions<T> {
  options: T;
  ignored: string[];
}

/** Validates what commander parsed against the table's schema; errors name the flag. */
export function validateOptions<T>(cmd: Command, table: OptionTable, schema: z.ZodType<T, z.ZodTypeDef, unknown>): ValidatedOptions<T> {
  const raw: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, spec] of Object.entries(table)) {
    if (cmd.getOptionValueSource(key) !== 'cli') continue;
    raw[key] = cmd.getOptionValue(key);
    if (spec.ignored) ignored.push(longFlag(spec));
  }
  const result = schema.safeParse(raw);
  if (result.success) return { options: result.data, ignored };
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const spec = table[key];
  const flag = spec ? longFlag(spec) : undefined;
  const value = raw[key];
  const shown = Array.isArray(value) && typeof issue?.path[1] === 'number' ? value[issue.path[1]] : value;
  const message = flag
    ? `invalid value ${JSON.stringify(shown)} for ${flag}: ${issue?.message ?? 'invalid'}`
    : `invalid options: ${issue?.message ?? 'invalid'}`;
  throw new CliUsageError(message, { flag, cause: result.error });
}
