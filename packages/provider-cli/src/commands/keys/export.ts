import { Command } from 'commander';
import { action } from '../../command.ts';
import { newPassword, writeKeystore } from './keystore-file.ts';

export function exportCommand(): Command {
  return new Command('export')
    .description('export the signing key as polkadot-js keystore JSON (for polkadot.js Apps or the extension), encrypted with a new password')
    .option('--out <file>', 'write to this file (not overwritten) instead of stdout')
    .option('--name <name>', 'name stored in the keystore JSON')
    .addHelpText('after', '\nThe key comes from --suri / DINFRA_SURI / --keystore; the new password from DINFRA_NEW_PASSWORD or a prompt.')
    .action(
      action(async (ctx, o: { out?: string; name?: string }) => {
        const pair = await ctx.signer();
        const json = await writeKeystore(pair, await newPassword(ctx.env, 'DINFRA_NEW_PASSWORD'), o.out, o.name);
        if (o.out !== undefined) ctx.out.result({ address: pair.address, keystore: o.out }, () => `Wrote ${o.out} (${pair.address}).`);
        else process.stdout.write(json);
      }),
    );
}
