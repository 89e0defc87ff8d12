import { Command } from 'commander';
import { listCommand } from './list.ts';
import { showCommand } from './show.ts';
import { watchCommand } from './watch.ts';
import { topUpCommand } from './top-up.ts';
import { terminateCommand } from './terminate.ts';

export function subscriptionCommand(): Command {
  return new Command('subscription')
    .alias('sub')
    .description('your subscriptions: list, show, watch, top up, terminate')
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(watchCommand())
    .addCommand(topUpCommand())
    .addCommand(terminateCommand());
}
