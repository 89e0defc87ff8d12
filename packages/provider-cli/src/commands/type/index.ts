import { Command } from 'commander';
import { listTypesCommand } from './list.ts';
import { registerTypeCommand } from './register.ts';

export function typeCommand(): Command {
  return new Command('type').description('deployment types: what can be bought, each with a JSON Schema for its descriptors').addCommand(listTypesCommand()).addCommand(registerTypeCommand());
}
