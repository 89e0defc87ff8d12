import type { Command } from 'commander';
import { Context } from './context.ts';

let controller = new AbortController();

/** A fresh interrupt signal for one CLI run (main aborts it on Ctrl-C). */
export function resetInterrupt(): AbortController {
  controller = new AbortController();
  return controller;
}

/**
 * Wraps a command's body as a commander action: builds its Context from the options (global
 * ones included), runs it, and always closes the connection.
 */
export function action<A extends unknown[]>(fn: (ctx: Context, ...args: A) => Promise<void>) {
  return async (...all: unknown[]): Promise<void> => {
    const cmd = all[all.length - 1] as Command;
    const ctx = Context.fromCommand(cmd, controller.signal);
    try {
      await fn(ctx, ...(all.slice(0, -1) as A));
    } finally {
      await ctx.close();
    }
  };
}
