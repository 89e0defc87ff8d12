import { Command } from 'commander';
import { z } from 'zod';
import { action } from '../../command.ts';
import { parseOptions } from '../../context.ts';
import { UsageError } from '../../lib/errors.ts';
import { findEvent } from '../../lib/tx.ts';
import { printTx } from './tx-result.ts';

const Options = z.object({
  name: z.string().min(1, 'give the provider name'),
  apiUrl: z.string().min(1, 'give the URL of your gateway (OGate) API'),
  operator: z.string().optional(),
});

const byteLen = (s: string) => Buffer.byteLength(s, 'utf8');

export function registerCommand(): Command {
  return new Command('register')
    .description('register the signing account as a provider (reserves the provider deposit)')
    .requiredOption('--name <name>', 'unique provider name (1-64 bytes)')
    .requiredOption('--api-url <url>', 'public URL of your gateway (OGate) API')
    .option('--operator <address>', 'account your gateway signs status reports with (default: the signing account)')
    .addHelpText('after', '\nExample:\n  DINFRA_SURI=//Bob dinfra provider register --name bob-cloud --api-url https://ogate.bob.example')
    .action(
      action(async (ctx, raw: unknown) => {
        const o = parseOptions(Options, raw);
        const signer = await ctx.signer();
        const api = await ctx.api();
        const maxName = Number(api.consts.providers.maxNameLen?.toString() ?? 64);
        const maxUrl = Number(api.consts.providers.maxUrlLen?.toString() ?? 256);
        if (byteLen(o.name) > maxName) throw new UsageError(`--name is ${byteLen(o.name)} bytes; at most ${maxName}`);
        if (byteLen(o.apiUrl) > maxUrl) throw new UsageError(`--api-url is ${byteLen(o.apiUrl)} bytes; at most ${maxUrl}`);
        const operator = o.operator !== undefined ? await ctx.account(o.operator, '--operator') : signer.address;
        const s = await ctx.submit(api.tx.providers.register!(o.name, o.apiUrl, operator), signer, 'Providers.register');
        const ev = findEvent(s.events, 'providers', 'ProviderRegistered');
        const deposit = ev ? BigInt(ev.data[3]!.toString()) : undefined;
        printTx(
          ctx,
          s,
          `Registered provider "${o.name}" (${signer.address}).`,
          { provider: signer.address, name: o.name, apiUrl: o.apiUrl, operator, deposit },
          [
            ['operator', operator],
            ['deposit', deposit !== undefined ? `${ctx.fmt(deposit)} reserved` : undefined],
            ['next', `dinfra provider offer <type> --capacity N --price AMOUNT`],
          ],
        );
      }),
    );
}
