import { Command } from 'commander';
import { generateCommand } from './generate.ts';
import { inspectCommand } from './inspect.ts';
import { importCommand } from './import.ts';
import { exportCommand } from './export.ts';

export function keysCommand(): Command {
  return new Command('keys')
    .description('signing keys: generate, inspect, and move them in and out of polkadot-js keystore JSON files')
    .addCommand(generateCommand())
    .addCommand(inspectCommand())
    .addCommand(importCommand())
    .addCommand(exportCommand());
}
