import { Command } from 'commander';
import { action } from '../../command.ts';
import * as chain from '../../lib/chain.ts';
import type { Subscription } from '@dinfra/runtime-specs';
import { UsageError } from '../../lib/errors.ts';
import { hasKeySource } from '../../lib/keys.ts';
import { table } from '../../lib/output.ts';

export function listCommand(): Command {
  return new Command('list')
    .description('list live subscriptions of a subscriber (default: the signing account) or of a provider')
    .option('--subscriber <address>', 'whose subscriptions')
    .option('--provider <name|address>', 'the subscriptions awarded to this provider')
    .option('--all', 'include terminated subscriptions not yet purged')
    .action(
      action(async (ctx, o: { subscriber?: string; provider?: string; all?: boolean }) => {
        const api = await ctx.api();
        let of: 'subscriber' | 'provider';
        let who: string;
        if (o.provider !== undefined) {
          of = 'provider';
          who = await ctx.provider(o.provider, '--provider');
        } else if (o.subscriber !== undefined) {
          of = 'subscriber';
          who = await ctx.account(o.subscriber, '--subscriber');
        } else if (hasKeySource({ suri: ctx.opts.suri, keystore: ctx.opts.keystore, env: ctx.env })) {
          of = 'subscriber';
          who = (await ctx.signer()).address;
        } else throw new UsageError('give --subscriber ADDRESS or --provider NAME, or a signing key (--suri / DINFRA_SURI / --keystore)');
        let subs: Subscription[];
        if (o.all) {
          subs = (await chain.allSubscriptions(api)).filter((s) => (of === 'provider' ? s.provider : s.subscriber) === who);
        } else {
          const ids = await chain.liveSubscriptionIds(api, of, who);
          subs = (await Promise.all(ids.map((id) => chain.subscription(api, id)))).filter((s): s is Subscription => s !== undefined);
        }
        const types = await chain.deploymentTypes(api);
        const typeName = (id: number) => types.find((t) => t.id === id)?.name ?? `#${id}`;
        const names = new Map<string, string>();
        for (const s of subs) if (!names.has(s.provider)) names.set(s.provider, (await chain.provider(api, s.provider))?.name ?? s.provider);
        ctx.out.result(
          {
            [of]: who,
            subscriptions: subs.map((s) => ({
              id: s.id.toString(),
              state: s.state,
              type: typeName(s.target.typeId),
              provider: s.provider,
              providerName: names.get(s.provider) ?? null,
              pricePerBlock: s.pricePerBlock,
              deposit: s.deposit,
              expiresAt: s.expiresAt ?? null,
              endpoints: s.endpoints,
              terminationReason: s.terminationReason ?? null,
            })),
          },
          () =>
            subs.length === 0
              ? `No ${o.all ? '' : 'live '}subscriptions ${of === 'provider' ? 'awarded to' : 'of'} ${who}.`
              : table(
                  ['ID', 'TYPE', 'STATE', 'PROVIDER', 'RATE', 'DEPOSIT', 'EXPIRES'],
                  subs.map((s) => [
                    String(s.id),
                    typeName(s.target.typeId),
                    s.state + (s.terminationReason ? ` (${s.terminationReason})` : ''),
                    names.get(s.provider) ?? s.provider,
                    `${ctx.fmt(s.pricePerBlock)}/block`,
                    ctx.fmt(s.deposit),
                    s.expiresAt !== undefined ? `#${s.expiresAt}` : '-',
                  ]),
                ),
        );
      }),
    );
}
