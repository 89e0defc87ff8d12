import { Command } from 'commander';
import { action } from '../../command.ts';
import { parseId } from './id.ts';
import { loadView, viewDoc, viewText } from './view.ts';

export function showCommand(): Command {
  return new Command('show')
    .description('show a subscription: state, endpoints, deposit left, rate, estimated expiry block and time, and who last lost its award and why (a Failed report\'s reason)')
    .argument('<id>', 'subscription id')
    .action(
      action(async (ctx, idArg: string) => {
        const id = parseId(idArg);
        const view = await loadView(ctx, id);
        ctx.out.result({ subscription: viewDoc(view) }, () => viewText(ctx, view));
      }),
    );
}
