import { Command, Option } from 'commander';
import { action } from '../../command.ts';
import { fields } from '../../lib/output.ts';
import { KEY_SCHEMES, keyring, type KeyScheme } from '../../lib/keys.ts';
import { newPassword, writeKeystore } from './keystore-file.ts';

export function generateCommand(): Command {
  return new Command('generate')
    .description('generate a new key: prints its mnemonic once, or writes it only to an encrypted keystore file (--out)')
    .addOption(new Option('--scheme <scheme>', 'crypto scheme').choices(KEY_SCHEMES).default('sr25519'))
    .addOption(new Option('--words <n>', 'mnemonic length').choices(['12', '15', '18', '21', '24']).default('12'))
    .option('--out <file>', 'write a polkadot-js keystore JSON file (password from DINFRA_NEW_PASSWORD or a prompt) instead of printing the mnemonic')
    .option('--name <name>', 'name stored in the keystore file')
    .addHelpText('after', '\nThe key is generated locally; nothing is sent to a node. SS58 prefix 42 unless --ss58.')
    .option('--ss58 <prefix>', 'SS58 address prefix', '42')
    .action(
      action(async (ctx, o: { scheme: KeyScheme; words: string; out?: string; name?: string; ss58: string }) => {
        const kr = await keyring(o.scheme, Number(o.ss58));
        const [{ mnemonicGenerate }, { u8aToHex }] = await Promise.all([import('@polkadot/util-crypto'), import('@polkadot/util')]);
        const mnemonic = mnemonicGenerate(Number(o.words) as 12 | 15 | 18 | 21 | 24);
        const pair = kr.addFromUri(mnemonic);
        const doc: Record<string, unknown> = { address: pair.address, publicKey: u8aToHex(pair.publicKey), scheme: o.scheme };
        if (o.out !== undefined) {
          await writeKeystore(pair, await newPassword(ctx.env, 'DINFRA_NEW_PASSWORD'), o.out, o.name);
          doc.keystore = o.out;
        } else {
          doc.mnemonic = mnemonic;
          ctx.out.note('Write the mnemonic down and keep it secret: it is the only copy and controls the account.');
        }
        ctx.out.result(doc, () =>
          fields([
            ['address', pair.address],
            ['public key', u8aToHex(pair.publicKey)],
            ['scheme', o.scheme],
            ['keystore', o.out],
            ['mnemonic', o.out === undefined ? mnemonic : undefined],
          ]),
        );
      }),
    );
}
