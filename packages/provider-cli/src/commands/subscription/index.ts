import { Command } from 'commander';
import { listCommand } from './list.ts';
import { showCommand } from './show.ts';
import { statusCommand } from './status.ts';
import { watchCommand } from './watch.ts';
import { topUpCommand } from './top-up.ts';
import { terminateCommand } from './terminate.ts';

export function subscriptionCommand(): Command {
  return new Command('subscription')
    .alias('sub')
    .description('your subscriptions: list, show, status, watch, top up, terminate')
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(statusCommand())
    .addCommand(watchCommand())
    .addCommand(topUpCommand())
    .addCommand(terminateCommand());
}
