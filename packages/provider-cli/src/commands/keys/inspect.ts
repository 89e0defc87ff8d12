import { Command } from 'commander';
import { action } from '../../command.ts';
import { fields } from '../../lib/output.ts';
import { keystoreScheme, readKeystore } from '../../lib/keys.ts';

export function inspectCommand(): Command {
  return new Command('inspect')
    .description('show the address and public key of a keystore file, or of the signing key (--suri / DINFRA_SURI / --keystore); never the secret')
    .argument('[file]', 'a polkadot-js keystore JSON file (no password needed)')
    .action(
      action(async (ctx, file: string | undefined) => {
        const [{ u8aToHex }, { decodeAddress }] = await Promise.all([import('@polkadot/util'), import('@polkadot/util-crypto')]);
        let doc: Record<string, unknown>;
        if (file !== undefined) {
          const json = await readKeystore(file);
          doc = {
            address: json.address,
            publicKey: u8aToHex(decodeAddress(json.address)),
            scheme: keystoreScheme(json),
            name: (json.meta?.name as string | undefined) ?? null,
            encrypted: json.encoding.type.includes('xsalsa20-poly1305'),
            source: file,
          };
        } else {
          const pair = await ctx.signer();
          doc = { address: pair.address, publicKey: u8aToHex(pair.publicKey), scheme: pair.type, name: (pair.meta.name as string | undefined) ?? null, source: ctx.opts.keystore ?? (ctx.opts.suri !== undefined ? 'suri' : 'environment') };
        }
        ctx.out.result(doc, () =>
          fields([
            ['address', String(doc.address)],
            ['public key', String(doc.publicKey)],
            ['scheme', String(doc.scheme)],
            ['name', doc.name === null ? undefined : String(doc.name)],
            ['source', String(doc.source)],
          ]),
        );
      }),
    );
}
