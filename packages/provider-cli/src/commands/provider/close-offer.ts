import { Command } from 'commander';
import { action } from '../../command.ts';
import { findEvent } from '../../lib/tx.ts';
import { printTx } from './tx-result.ts';

export function closeOfferCommand(): Command {
  return new Command('close-offer')
    .description('stop offering a deployment type (removed at once if it holds no live subscription)')
    .argument('<type>', 'deployment type name or id')
    .action(
      action(async (ctx, typeArg: string) => {
        const signer = await ctx.signer();
        const api = await ctx.api();
        const type = await ctx.deploymentType(typeArg);
        const s = await ctx.submit(api.tx.providers.closeOffering!(type.id), signer, 'Providers.close_offering');
        const ev = findEvent(s.events, 'providers', 'OfferingClosed');
        const removed = ev ? ev.data[2]!.toString() === 'true' : undefined;
        printTx(ctx, s, `Offering of ${type.name} closed${removed === false ? ' (kept until its live subscriptions end)' : ''}.`, {
          provider: signer.address,
          type: { id: type.id, name: type.name },
          removed: removed ?? null,
        });
      }),
    );
}
