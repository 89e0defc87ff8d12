import { Command, Option } from 'commander';
import { action } from '../../command.ts';
import { fields } from '../../lib/output.ts';
import { loadManifest } from './load.ts';

export const ipfsOptions = (c: Command): Command =>
  c
    .addOption(new Option('--ipfs-api <url>', 'Kubo RPC API to read CIDs through').env('DINFRA_IPFS_API'))
    .addOption(new Option('--ipfs-repo <dir>', 'embedded content store directory to read CIDs from').env('DINFRA_IPFS_REPO'));

export function inspectCommand(): Command {
  return ipfsOptions(
    new Command('inspect')
      .description('print a snapshot manifest (its signature is checked; nothing else is)')
      .argument('<manifest>', 'manifest file, http(s) URL or CID')
      .option('--chunks', 'list every chunk (with --json)'),
  )
    .addHelpText('after', '\nExamples:\n  dinfra snapshot inspect https://snap.example/dev/latest.dsnm\n  dinfra snapshot inspect ./latest.dsnm --json --chunks')
    .action(
      action(async (ctx, ref: string, opts: { chunks?: boolean; ipfsApi?: string; ipfsRepo?: string }) => {
        const m = await loadManifest(ref, opts);
        const { manifestJson } = await import('@dinfra/snapshot');
        const doc = manifestJson(m, { chunks: opts.chunks === true });
        ctx.out.result(doc, () =>
          fields([
            ['manifest', doc.id],
            ['chain', `${doc.chain} (genesis ${doc.genesisHash})`],
            ['block', `#${doc.blockNumber} ${doc.blockHash}`],
            ['database', `${doc.database.kind} layout ${doc.database.layoutVersion}, ${doc.files.length} files, ${(doc.totalBytes / 2 ** 20).toFixed(1)} MiB in ${doc.chunkCount} chunks of ${doc.chunkSize / 2 ** 20} MiB`],
            ['node', `${doc.node.name} ${doc.node.version}, pruning ${doc.pruning.kind === 'constrained' ? `${doc.pruning.blocks} blocks` : doc.pruning.kind}`],
            ['created', doc.createdAt],
            ['valid until', doc.validUntil],
            ['previous', doc.previous ?? 'none'],
            ['mirrors', doc.mirrors.map((x) => (x.kind === 'ipfs' ? `ipfs ${x.cid}` : `${x.kind} ${x.url}`)).join('\n') || 'none'],
            ['provider', doc.provider],
            ['signed by', `${doc.signer} (signature valid)`],
          ]),
        );
      }),
    );
}
