import { Command } from 'commander';
import { z } from 'zod';
import { action } from '../../command.ts';
import { parseOptions } from '../../context.ts';
import { UsageError } from '../../lib/errors.ts';
import { printTx } from './tx-result.ts';

const Options = z.object({
  capacity: z.string().regex(/^\d+$/, 'expected a whole number of deployments >= 1').transform(Number).pipe(z.number().int().min(1, 'must be at least 1 (use close-offer to stop offering)').max(0xffff_ffff)),
  price: z.string(),
  region: z.array(z.string()).default([]),
  closed: z.boolean().default(false),
});

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function offerCommand(): Command {
  return new Command('offer')
    .description('create or change your offering of a deployment type (capacity, price per block, regions)')
    .argument('<type>', 'deployment type name or id (see `dinfra type list`)')
    .requiredOption('--capacity <n>', 'how many deployments of this type you run at most')
    .requiredOption('--price <amount>', 'price per block, e.g. 1m (0 for a free offering)')
    .option('--region <region>', 'a region you deploy in (repeat for several)', collect)
    .option('--closed', 'keep the offering but accept no new subscriptions')
    .addHelpText('after', '\nExample:\n  dinfra provider offer substrate-node --capacity 10 --price 2m --region eu-west --region us-east')
    .action(
      action(async (ctx, typeArg: string, raw: unknown) => {
        const o = parseOptions(Options, raw);
        const signer = await ctx.signer();
        const api = await ctx.api();
        const type = await ctx.deploymentType(typeArg);
        const price = await ctx.amount(o.price, '--price');
        const maxRegions = Number(api.consts.providers.maxRegions?.toString() ?? 16);
        const maxRegionLen = Number(api.consts.providers.maxRegionLen?.toString() ?? 32);
        if (o.region.length > maxRegions) throw new UsageError(`--region given ${o.region.length} times; at most ${maxRegions}`);
        const seen = new Set<string>();
        for (const r of o.region) {
          const len = Buffer.byteLength(r, 'utf8');
          if (len < 1 || len > maxRegionLen) throw new UsageError(`--region "${r}" must be 1-${maxRegionLen} bytes`);
          if (seen.has(r)) throw new UsageError(`--region "${r}" is given twice`);
          seen.add(r);
        }
        const tx = api.tx.providers.setOffering!(type.id, o.capacity, price, o.region, !o.closed);
        const s = await ctx.submit(tx, signer, 'Providers.set_offering');
        printTx(
          ctx,
          s,
          `Offering of ${type.name} set${o.closed ? ' (closed)' : ''}.`,
          { provider: signer.address, type: { id: type.id, name: type.name }, capacity: o.capacity, pricePerBlock: price, regions: o.region, open: !o.closed },
          [
            ['capacity', o.capacity],
            ['price', `${ctx.fmt(price)} per block`],
            ['regions', o.region.join(', ') || 'any'],
          ],
        );
      }),
    );
}
