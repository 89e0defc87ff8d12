import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { action } from '../../command.ts';
import { deploymentTypes } from '../../lib/chain.ts';
import { fileCid, isCid, rawCid } from '../../lib/cid.ts';
import { checkSchema } from '../../lib/descriptor.ts';
import { UsageError } from '../../lib/errors.ts';
import { findEvent } from '../../lib/tx.ts';
import { printTx } from '../provider/tx-result.ts';

const ONE_CHUNK = 262_144;

export function registerTypeCommand(): Command {
  return new Command('register')
    .description('register a deployment type: a name and the JSON Schema its descriptors must match (providers reserve a deposit; --sudo registers as Root)')
    .argument('<name>', 'type name (1-64 bytes, unique)')
    .option('--schema <file>', 'the JSON Schema document; its CID is computed (raw CIDv1, as `ipfs add --cid-version=1 --raw-leaves`)')
    .option('--schema-cid <cid>', 'the CID of a schema already in IPFS (instead of --schema)')
    .option('--sudo', 'register through Sudo (the signer must be the sudo key), without deposit')
    .action(
      action(async (ctx, name: string, o: { schema?: string; schemaCid?: string; sudo?: boolean }) => {
        if ((o.schema === undefined) === (o.schemaCid === undefined)) throw new UsageError('give either --schema FILE or --schema-cid CID');
        const len = Buffer.byteLength(name, 'utf8');
        if (len < 1 || len > 64) throw new UsageError(`type name "${name}" must be 1-64 bytes`);
        let cid: string;
        if (o.schema !== undefined) {
          let bytes: Buffer;
          try {
            bytes = await readFile(o.schema);
          } catch (e) {
            throw new UsageError(`cannot read schema ${o.schema}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
          }
          await checkSchema(bytes.toString('utf8'), o.schema);
          cid = bytes.length <= ONE_CHUNK ? await rawCid(bytes) : await fileCid(bytes);
        } else {
          cid = o.schemaCid!;
          if (!isCid(cid)) throw new UsageError(`--schema-cid "${cid}" is not a CID`);
        }
        const signer = await ctx.signer();
        const api = await ctx.api();
        const types = await deploymentTypes(api);
        if (types.some((t) => t.name === name)) throw new UsageError(`deployment type "${name}" already exists`);
        const call = api.tx.providers.registerType!(name, cid);
        const tx = o.sudo ? api.tx.sudo!.sudo!(call) : call;
        const s = await ctx.submit(tx, signer, o.sudo ? 'Sudo.sudo(Providers.register_type)' : 'Providers.register_type');
        const ev = findEvent(s.events, 'providers', 'DeploymentTypeRegistered');
        const id = ev ? Number(ev.data[0]!.toString()) : undefined;
        printTx(ctx, s, `Registered deployment type "${name}"${id !== undefined ? ` with id ${id}` : ''}.`, { type: { id: id ?? null, name, schemaCid: cid } }, [
          ['schema cid', cid],
          ['pin it', o.schema ? `ipfs add --cid-version=1 --raw-leaves ${o.schema}` : undefined],
        ]);
      }),
    );
}
