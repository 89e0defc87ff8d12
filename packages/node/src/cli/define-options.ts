import { Command, Option } from 'commander';
import { defaultOf, type OptionTable } from './option-spec.ts';

/** Registers a table's flags on a commander command; help text comes from the zod schemas. */
export function defineOptions(cmd: Command, table: OptionTable): Command {
  for (const [key, spec] of Object.entries(table)) {
    const option = new Option(spec.flags, helpText(spec.schema.description, spec.defaultNote, defaultOf(spec.schema)));
    if (option.attributeName() !== key) {
      throw new Error(`option table key "${key}" does not match flag ${spec.flags}`);
    }
    if (spec.ignored) option.helpGroup('Accepted for compatibility (no effect):');
    cmd.addOption(option);
  }
  return cmd;
}

function helpText(description: string | undefined, note: string | undefined, fallback: unknown): string {
  const text = description ?? '';
  if (note !== undefined) return `${text} (default: ${note})`;
  if (fallback === undefined || typeof fallback === 'boolean') return text;
  return `${text} (default: ${String(fallback)})`;
}
