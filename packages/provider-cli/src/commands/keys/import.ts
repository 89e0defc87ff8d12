import { Command } from 'commander';
import { action } from '../../command.ts';
import { UsageError } from '../../lib/errors.ts';
import { fields } from '../../lib/output.ts';
import { pairFromSuri } from '../../lib/keys.ts';
import { promptSecret } from '../../lib/prompt.ts';
import { newPassword, writeKeystore } from './keystore-file.ts';

export function importCommand(): Command {
  return new Command('import')
    .description('import a secret (mnemonic, hex seed or secret URI) into an encrypted polkadot-js keystore file')
    .requiredOption('--out <file>', 'the keystore file to write (not overwritten)')
    .option('--name <name>', 'name stored in the keystore file')
    .addHelpText(
      'after',
      '\nThe secret is read from --suri or DINFRA_SURI, else asked for on the terminal (not echoed);\nthe password from DINFRA_NEW_PASSWORD, else asked for twice. Then sign with --keystore FILE.',
    )
    .action(
      action(async (ctx, o: { out: string; name?: string }) => {
        const suri = ctx.opts.suri ?? (await promptSecret('Secret (mnemonic, seed or URI): ', 'give --suri or set DINFRA_SURI'));
        if (suri.trim() === '') throw new UsageError('no secret given');
        const pair = await pairFromSuri(suri, ctx.opts.keyType);
        await writeKeystore(pair, await newPassword(ctx.env, 'DINFRA_NEW_PASSWORD'), o.out, o.name);
        const { u8aToHex } = await import('@polkadot/util');
        ctx.out.result({ address: pair.address, publicKey: u8aToHex(pair.publicKey), scheme: pair.type, keystore: o.out }, () =>
          fields([
            ['address', pair.address],
            ['scheme', pair.type],
            ['keystore', o.out],
          ]),
        );
      }),
    );
}
