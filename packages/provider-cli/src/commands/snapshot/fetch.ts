import { Command, Option } from 'commander';
import { action } from '../../command.ts';
import { fields } from '../../lib/output.ts';
import { UsageError } from '../../lib/errors.ts';
import { providerKeys } from './chain-check.ts';
import { ipfsOptions } from './inspect.ts';
import { loadManifest, snapshotErrors } from './load.ts';

interface FetchOpts {
  out: string;
  chain?: string;
  genesis?: string;
  dbKind?: 'dinfra-leveldb' | 'rocksdb' | 'paritydb';
  provider?: string;
  chainCheck: boolean;
  mirror?: string[];
  manifestMirrors: boolean;
  from?: string;
  concurrency: string;
  perMirror: string;
  stallSeconds: string;
  ipfsApi?: string;
  ipfsRepo?: string;
}

const int = (v: string, flag: string, min = 1) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag}: expected an integer >= ${min}, got "${v}"`);
  return n;
};

export function fetchCommand(): Command {
  return ipfsOptions(
    new Command('fetch')
      .description('restore a snapshot: checks the manifest first, then downloads every chunk in parallel from all mirrors, verified on arrival; resumable')
      .argument('<manifest>', 'manifest file, http(s) URL or CID')
      .requiredOption('--out <dir>', 'database directory to create (it appears only when complete)')
      .option('--chain <name>', 'refuse a manifest of another chain (system_chain name)')
      .option('--genesis <hash>', 'refuse a manifest of another genesis hash')
      .addOption(new Option('--db-kind <kind>', 'refuse another database kind').choices(['dinfra-leveldb', 'rocksdb', 'paritydb']))
      .option('--provider <name|address>', "refuse a manifest not signed by this provider's operator (checked on chain at --url)")
      .option('--no-chain-check', "do not ask the chain whether the signer is the manifest provider's operator (the signature is still checked)")
      .option('--mirror <url...>', 'extra mirror base URLs (http(s):// or file://), tried with the manifest\'s')
      .option('--no-manifest-mirrors', "use only --mirror, not the manifest's mirrors")
      .option('--from <dir>', 'an earlier restore: its chunks that are still current are copied, not downloaded')
      .option('--concurrency <n>', 'requests in flight over all mirrors', '16')
      .option('--per-mirror <n>', 'requests in flight per mirror', '8')
      .option('--stall-seconds <s>', 'a request that delivers nothing for this long moves to another mirror', '20'),
  )
    .addHelpText('after', '\nExamples:\n  dinfra snapshot fetch https://snap.example/dev/latest.dsnm --out ./node/chains/dev/db --chain Development --provider bob-cloud\n  dinfra snapshot fetch Qm... --ipfs-api http://127.0.0.1:5001 --out ./db --json')
    .action(
      action(async (ctx, ref: string, o: FetchOpts) => {
        const snap = await import('@dinfra/snapshot');
        const m = await loadManifest(ref, o);
        let signers: string[] | undefined;
        let provider: string | undefined;
        if (o.provider !== undefined || o.chainCheck) {
          const { encodeAddress } = await import('@polkadot/util-crypto');
          const address = o.provider !== undefined ? await ctx.provider(o.provider) : encodeAddress(m.body.provider);
          const keys = await providerKeys(ctx, address);
          signers = [keys.operator];
          provider = keys.provider;
          ctx.progress.step(`manifest signed by ${keys.name}'s operator? checking against the chain`);
        } else ctx.out.note('warning: --no-chain-check: the signature is checked against the key in the manifest only');
        const sources = [
          ...(o.manifestMirrors ? snap.sourcesFor(m.body.mirrors, o.ipfsApi) : []),
          ...(o.mirror ?? []).map((u) => snap.sourceForUrl(u)),
        ];
        if (!sources.length) throw new UsageError('no mirror to read from (the manifest lists none usable here: give --mirror URL, or --ipfs-api for IPFS ones)');
        const r = await snapshotErrors(() =>
          snap.fetchSnapshot({
            manifest: m,
            out: o.out,
            sources,
            expect: { chain: o.chain, genesisHash: o.genesis, databaseKind: o.dbKind, provider, signers },
            from: o.from,
            concurrency: int(o.concurrency, '--concurrency'),
            perMirror: int(o.perMirror, '--per-mirror'),
            stallMs: int(o.stallSeconds, '--stall-seconds') * 1000,
            signal: ctx.signal,
            onProgress: (p) => {
              const pct = ((100 * p.doneBytes) / Math.max(1, p.totalBytes)).toFixed(1);
              const eta = p.etaSeconds === undefined ? '?' : `${Math.round(p.etaSeconds)}s`;
              const line = `${pct}% ${(p.doneBytes / 2 ** 20).toFixed(1)}/${(p.totalBytes / 2 ** 20).toFixed(1)} MiB, ${(p.bytesPerSecond / 2 ** 20).toFixed(1)} MiB/s, ETA ${eta}`;
              if (ctx.out.json) process.stderr.write(JSON.stringify({ progress: p }) + '\n');
              else ctx.progress.step(line);
            },
          }),
        );
        ctx.progress.done();
        const doc = { manifest: Buffer.from(m.id).toString('hex'), block: m.body.blockNumber, blockHash: '0x' + Buffer.from(m.body.blockHash).toString('hex'), ...r };
        ctx.out.result(doc, () =>
          fields([
            ['restored', `${r.out} at block #${m.body.blockNumber}`],
            ['chunks', `${r.chunksFetched} fetched, ${r.chunksReused} reused, ${r.chunksResumed} already there`],
            ['speed', `${(r.bytesFetched / 2 ** 20).toFixed(1)} MiB in ${r.seconds.toFixed(1)} s`],
            ['mirrors', r.mirrors.map((x) => `${x.label}: ${x.chunks} chunks${x.failures ? `, ${x.failures} failures` : ''}${x.disabled ? ` (dropped: ${x.disabled})` : ''}`).join('\n')],
          ]),
        );
      }),
    );
}
