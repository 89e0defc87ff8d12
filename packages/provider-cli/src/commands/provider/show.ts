import { Command } from 'commander';
import { action } from '../../command.ts';
import * as chain from '../../lib/chain.ts';
import { UsageError } from '../../lib/errors.ts';
import { hasKeySource } from '../../lib/keys.ts';
import { fields, table } from '../../lib/output.ts';

export function showCommand(): Command {
  return new Command('show')
    .description('show a provider: status, operator, deposit, offerings, live subscriptions')
    .argument('[provider]', 'provider name or address (default: the signing account)')
    .action(
      action(async (ctx, who: string | undefined) => {
        const api = await ctx.api();
        let address: string;
        if (who !== undefined) address = await ctx.provider(who);
        else if (hasKeySource({ suri: ctx.opts.suri, keystore: ctx.opts.keystore, env: ctx.env })) {
          address = (await ctx.signer()).address;
          if (!(await chain.provider(api, address))) throw new UsageError(`${address} is not a registered provider (register with \`dinfra provider register\`)`);
        } else throw new UsageError('name a provider, or give the signing key of one (--suri / DINFRA_SURI / --keystore)');
        const [info, offerings, types, live] = await Promise.all([
          chain.provider(api, address),
          chain.offeringsOfProvider(api, address),
          chain.deploymentTypes(api),
          chain.liveSubscriptionIds(api, 'provider', address),
        ]);
        const p = info!;
        const typeName = (id: number) => types.find((t) => t.id === id)?.name ?? `#${id}`;
        const rows = offerings.map((o) => [typeName(o.typeId), `${o.used}/${o.capacity}`, `${ctx.fmt(o.pricePerBlock)}/block`, o.regions.join(',') || 'any', o.open ? 'open' : 'closed']);
        ctx.out.result(
          {
            provider: { ...p, offerings: offerings.map((o) => ({ ...o, type: typeName(o.typeId) })), liveSubscriptionIds: live.map(String) },
          },
          () =>
            [
              fields([
                ['provider', p.name],
                ['address', p.address],
                ['api url', p.apiUrl],
                ['operator', p.operator],
                ['status', p.status],
                ['deposit', ctx.fmt(p.deposit)],
                ['registered', `block #${p.registeredAt}`],
                ['live subscriptions', live.length ? `${live.length} (${live.join(', ')})` : '0'],
              ]),
              '',
              offerings.length ? table(['TYPE', 'USED', 'PRICE', 'REGIONS', 'STATE'], rows) : 'No offerings (add one with `dinfra provider offer`).',
            ].join('\n'),
        );
      }),
    );
}
