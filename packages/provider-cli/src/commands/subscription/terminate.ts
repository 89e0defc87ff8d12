import { Command } from 'commander';
import { action } from '../../command.ts';
import { findEvent } from '../../lib/tx.ts';
import { printTx } from '../provider/tx-result.ts';
import { parseId } from './id.ts';

export function terminateCommand(): Command {
  return new Command('terminate')
    .description('end a subscription: settles what is owed and refunds the rest of the deposit (a provider may terminate its own)')
    .argument('<id>', 'subscription id')
    .action(
      action(async (ctx, idArg: string) => {
        const id = parseId(idArg);
        const signer = await ctx.signer();
        const api = await ctx.api();
        const s = await ctx.submit(api.tx.subscriptions.terminate!(id), signer, 'Subscriptions.terminate');
        const ev = findEvent(s.events, 'subscriptions', 'Terminated');
        const settled = findEvent(s.events, 'subscriptions', 'Settled');
        const refund = ev ? BigInt(ev.data[3]!.toString()) : undefined;
        const reason = ev ? ev.data[2]!.toString() : undefined;
        const paid = settled ? BigInt(settled.data[2]!.toString()) : 0n;
        printTx(ctx, s, `Subscription #${id} terminated${reason ? ` (${reason})` : ''}.`, { id: id.toString(), reason: reason ?? null, refund: refund ?? null, paidToProvider: paid }, [
          ['refunded', refund !== undefined ? ctx.fmt(refund) : undefined],
          ['paid to provider', paid > 0n ? ctx.fmt(paid) : undefined],
        ]);
      }),
    );
}
