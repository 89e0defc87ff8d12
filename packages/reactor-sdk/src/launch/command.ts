import { renderArgs, type LaunchPlan } from './plan.ts';

/** A plan as a process to spawn (local backend). */
export interface Command {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export function toCommand(plan: LaunchPlan): Command {
  return { file: plan.binary, args: renderArgs(plan), env: plan.env };
}

/** POSIX-shell quoting of one word (for logs and `sh -c`). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command as one shell line (what an operator would paste to run it by hand). */
export const commandLine = (c: Command): string => [c.file, ...c.args].map(shellQuote).join(' ');
