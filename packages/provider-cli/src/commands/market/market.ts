import { Command } from 'commander';
import { action } from '../../command.ts';
import * as chain from '../../lib/chain.ts';
import type { DeploymentType, Offering, ProviderInfo } from '@dinfra/runtime-specs';
import { table } from '../../lib/output.ts';

/** Utilization in percent (used / capacity), as the award compares it. */
const utilization = (o: Offering) => (o.capacity === 0 ? 100 : Math.round((o.used / o.capacity) * 1000) / 10);

type Row = Offering & { p: ProviderInfo | undefined; key: string };

/**
 * The award's preference (runtime-specs/dinfra.md, "Award"): lowest utilization (compared
 * exactly), then lowest price, then fewest live subscriptions, then the smallest account bytes.
 */
function byPreference(a: Row, b: Row): number {
  const ua = BigInt(a.used) * BigInt(b.capacity);
  const ub = BigInt(b.used) * BigInt(a.capacity);
  if (ua !== ub) return ua < ub ? -1 : 1;
  if (a.pricePerBlock !== b.pricePerBlock) return a.pricePerBlock < b.pricePerBlock ? -1 : 1;
  const live = (a.p?.liveSubscriptions ?? 0) - (b.p?.liveSubscriptions ?? 0);
  if (live !== 0) return live;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function marketCommand(): Command {
  return new Command('market')
    .description('list offerings by deployment type: provider, price, capacity, utilization, regions')
    .option('--type <type>', 'only this deployment type (name or id)')
    .option('--all', 'include closed offerings and paused providers')
    .addHelpText('after', '\nOfferings are listed in the order the chain would award a new subscription among them.')
    .action(
      action(async (ctx, o: { type?: string; all?: boolean }) => {
        const api = await ctx.api();
        const types = o.type !== undefined ? [await ctx.deploymentType(o.type)] : await chain.deploymentTypes(api);
        const providers = new Map<string, ProviderInfo | undefined>();
        const result: Array<{ type: DeploymentType; offerings: Row[] }> = [];
        const { decodeAddress } = await import('@polkadot/util-crypto');
        const { u8aToHex } = await import('@polkadot/util');
        for (const t of types) {
          const offerings = await chain.offeringsOfType(api, t.id);
          for (const of of offerings) if (!providers.has(of.provider)) providers.set(of.provider, await chain.provider(api, of.provider));
          const rows = offerings
            .map((of) => ({ ...of, p: providers.get(of.provider), key: u8aToHex(decodeAddress(of.provider)) }))
            .filter((x) => o.all || (x.open && x.p?.status === 'Active'))
            .sort(byPreference);
          result.push({ type: t, offerings: rows });
        }
        ctx.out.result(
          {
            types: result.map(({ type, offerings }) => ({
              id: type.id,
              name: type.name,
              schemaCid: type.schemaCid,
              offerings: offerings.map(({ p, key: _key, ...of }) => ({
                provider: of.provider,
                providerName: p?.name ?? null,
                providerStatus: p?.status ?? null,
                pricePerBlock: of.pricePerBlock,
                capacity: of.capacity,
                used: of.used,
                free: Math.max(0, of.capacity - of.used),
                utilization: utilization(of),
                regions: of.regions,
                open: of.open,
              })),
            })),
          },
          () => {
            const rows = result.flatMap(({ type, offerings }) =>
              offerings.map((of) => [
                type.name,
                of.p?.name ?? of.provider,
                `${ctx.fmt(of.pricePerBlock)}/block`,
                `${of.used}/${of.capacity}`,
                `${utilization(of)}%`,
                of.regions.join(',') || 'any',
                !of.open ? 'closed' : of.p?.status === 'Paused' ? 'paused' : 'open',
              ]),
            );
            if (rows.length === 0) return `No ${o.all ? '' : 'open '}offerings${o.type ? ` of ${o.type}` : ''} yet.`;
            return table(['TYPE', 'PROVIDER', 'PRICE', 'USED', 'UTIL', 'REGIONS', 'STATE'], rows);
          },
        );
      }),
    );
}
