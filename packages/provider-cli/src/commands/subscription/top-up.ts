import { Command } from 'commander';
import { action } from '../../command.ts';
import * as chain from '../../lib/chain.ts';
import { UsageError } from '../../lib/errors.ts';
import { findEvent } from '../../lib/tx.ts';
import { txDoc } from '../provider/tx-result.ts';
import { parseId } from './id.ts';
import { loadView, viewDoc, viewText } from './view.ts';

export function topUpCommand(): Command {
  return new Command('top-up')
    .description('add funds to a subscription\'s deposit, pushing its expiry out')
    .argument('<id>', 'subscription id')
    .argument('<amount>', 'amount to add, e.g. 10 or 500m')
    .action(
      action(async (ctx, idArg: string, amountArg: string) => {
        const id = parseId(idArg);
        const signer = await ctx.signer();
        const api = await ctx.api();
        const amount = await ctx.amount(amountArg, 'top-up');
        if (amount === 0n) throw new UsageError('top-up amount must be positive');
        const before = await chain.subscription(api, id);
        if (!before) throw new UsageError(`subscription ${id} does not exist`);
        const s = await ctx.submit(api.tx.subscriptions.topUp!(id, amount), signer, 'Subscriptions.top_up');
        const ev = findEvent(s.events, 'subscriptions', 'ToppedUp');
        const view = s.blockNumber !== undefined ? await loadView(ctx, id) : undefined;
        const doc = view ? viewDoc(view) : undefined;
        ctx.out.result(
          { subscription: doc ?? null, amount, previousExpiresAt: before.expiresAt ?? null, ...txDoc(s) },
          () =>
            [
              `Topped up #${id} by ${ctx.fmt(amount)}${ev ? `; deposit now ${ctx.fmt(BigInt(ev.data[2]!.toString()))}` : ''}.`,
              before.expiresAt !== undefined && doc?.expiresAt !== null ? `Expiry moved from block #${before.expiresAt} to #${String(doc?.expiresAt)}.` : '',
              view ? viewText(ctx, view) : '',
            ]
              .filter(Boolean)
              .join('\n'),
        );
      }),
    );
}
