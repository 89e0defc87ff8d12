import { Command } from 'commander';
import { action } from '../../command.ts';
import { findEvent } from '../../lib/tx.ts';
import { printTx } from './tx-result.ts';

export function deregisterCommand(): Command {
  return new Command('deregister')
    .description('stop being a provider: removes your offerings and releases the deposit (refused while you hold live subscriptions)')
    .action(
      action(async (ctx) => {
        const signer = await ctx.signer();
        const api = await ctx.api();
        const s = await ctx.submit(api.tx.providers.deregister!(), signer, 'Providers.deregister');
        const ev = findEvent(s.events, 'providers', 'ProviderDeregistered');
        const released = ev ? BigInt(ev.data[1]!.toString()) : undefined;
        printTx(ctx, s, 'Provider deregistered.', { provider: signer.address, released }, [
          ['released', released !== undefined ? ctx.fmt(released) : undefined],
        ]);
      }),
    );
}
