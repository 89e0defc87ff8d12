import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { action } from '../../command.ts';
import type { Context } from '../../context.ts';
import { fields } from '../../lib/output.ts';
import { UsageError } from '../../lib/errors.ts';
import { providerKeys } from './chain-check.ts';
import { SnapshotCommandError, snapshotErrors } from './load.ts';

interface CreateOpts {
  basePath?: string;
  dbPath?: string;
  chainUrl: string;
  out?: string;
  httpUrl?: string;
  s3?: string;
  s3Endpoint?: string;
  s3PublicUrl?: string;
  s3PublicRead?: boolean;
  ipfsApi?: string;
  ipfsRoot?: string;
  provider?: string;
  chunkSize: string;
  keep: string;
  validDays: string;
  prove: boolean;
  nodeVersion: string;
}

/** `64MiB`, `1048576`, `4KiB`. */
export function parseSize(text: string, flag: string): number {
  const m = /^(\d+)\s*(|B|KiB|MiB|GiB)$/.exec(text.trim());
  if (!m) throw new UsageError(`${flag}: "${text}" is not a size (e.g. 64MiB, 1048576)`);
  return Number(m[1]) * ({ '': 1, B: 1, KiB: 1024, MiB: 2 ** 20, GiB: 2 ** 30 } as Record<string, number>)[m[2]!]!;
}

async function findDb(o: CreateOpts): Promise<string> {
  if (o.dbPath) return resolve(o.dbPath);
  if (!o.basePath) throw new UsageError('give --base-path DIR (a dinfra-node base path) or --db-path DIR');
  const chains = join(resolve(o.basePath), 'chains');
  const ids = existsSync(chains) ? await readdir(chains) : [];
  const dbs = ids.map((id) => join(chains, id, 'db')).filter((p) => existsSync(p));
  if (dbs.length !== 1) throw new UsageError(`--base-path ${o.basePath}: expected one chains/<id>/db, found ${dbs.length}; give --db-path`);
  return dbs[0]!;
}

/** A JSON-RPC call over a short-lived WebSocket (the snapshot's chain may be another chain than --url's). */
async function rpc(url: string) {
  const { WsProvider } = await import('@polkadot/api');
  const p = new WsProvider(url, false);
  await p.connect();
  await Promise.race([p.isReady, new Promise((_, rej) => setTimeout(() => rej(new UsageError(`--chain-url ${url}: no node answers`)), 10_000))]);
  return { send: <T>(m: string, params: unknown[] = []) => p.send<T>(m, params), close: () => p.disconnect() };
}

async function operatorsProvider(ctx: Context, signerAddress: string): Promise<string> {
  const api = await ctx.api();
  const entries = await (api.query as unknown as { providers: { providers: { entries(): Promise<Array<[{ args: [{ toString(): string }] }, { isSome: boolean; unwrap(): { operator: { toString(): string } } }]>> } } }).providers.providers.entries();
  const hit = entries.find(([, v]) => v.isSome && v.unwrap().operator.toString() === signerAddress);
  if (!hit) throw new UsageError(`the signing key ${signerAddress} is no provider's operator on ${ctx.opts.url}: give --provider, or sign with the operator key`);
  return hit[0].args[0].toString();
}

export function createCommand(): Command {
  return new Command('create')
    .description("snapshot a stopped dinfra-node's database: copy, chunk, upload changed chunks, prove by a scratch restore, then sign and write the manifest (last)")
    .option('--base-path <dir>', 'the node\'s --base-path (its chains/<id>/db is snapshotted)')
    .option('--db-path <dir>', 'the database directory itself (instead of --base-path)')
    .requiredOption('--chain-url <url>', 'a node of the snapshot\'s chain: name, genesis and the block hash at the snapshot height are checked there')
    .option('--out <dir>', 'publish to this directory (mirror layout; serve it over HTTP and pass --http-url)')
    .option('--http-url <url>', 'the public base URL --out is served at (listed as a mirror)')
    .option('--s3 <url>', 'publish to s3://bucket/prefix (credentials from the AWS SDK chain)')
    .option('--s3-endpoint <url>', 'an S3-compatible endpoint (path-style)')
    .option('--s3-public-url <url>', 'the plain HTTP base consumers read the prefix at (default from endpoint/bucket)')
    .option('--s3-public-read', 'upload with the public-read ACL (else grant anonymous reads with a bucket policy or a CDN)')
    .option('--ipfs-api <url>', 'publish to the content store (Kubo RPC API)')
    .option('--ipfs-root <path>', 'MFS directory in Kubo', '/dinfra-snapshots/default')
    .option('--provider <name|address>', 'the provider the manifest is for (default: the one whose operator signs)')
    .option('--chunk-size <size>', 'chunk size', '64MiB')
    .option('--keep <n>', 'manifests kept per target (older ones and their unshared chunks are deleted)', '3')
    .option('--valid-days <n>', 'the manifest is refused after this many days', '7')
    .option('--no-prove', 'skip the scratch restore before publishing (not recommended)')
    .option('--node-version <v>', 'node version recorded in the manifest', '0.1.0')
    .addHelpText('after', '\nThe node must be stopped (its LevelDB LOCK is checked); it may be started again once "copy taken" is printed.\nExamples:\n  dinfra snapshot create --base-path ./node --chain-url ws://127.0.0.1:9944 --out /srv/snap --http-url https://snap.example/dev/ --suri //Dave\n  dinfra snapshot create --base-path ./node --chain-url ws://127.0.0.1:9944 --s3 s3://snaps/dev --s3-endpoint http://127.0.0.1:5000 --ipfs-api http://127.0.0.1:5001 --keystore operator.json')
    .action(
      action(async (ctx, o: CreateOpts) => {
        const snap = await import('@dinfra/snapshot');
        const { u8aToHex } = await import('@polkadot/util');
        const { decodeAddress } = await import('@polkadot/util-crypto');
        const chunkSize = parseSize(o.chunkSize, '--chunk-size');
        if (chunkSize < 1 || chunkSize > snap.MAX_CHUNK_SIZE) throw new UsageError(`--chunk-size: must be 1 B ..= 1 GiB`);
        const keep = Number(o.keep);
        const validDays = Number(o.validDays);
        if (!Number.isInteger(keep) || keep < 1) throw new UsageError('--keep: expected an integer >= 1');
        if (!(validDays > 0)) throw new UsageError('--valid-days: expected a positive number');
        if (!o.out && !o.s3 && !o.ipfsApi) throw new UsageError('no publish target: give --out, --s3 and/or --ipfs-api');
        const signer = await ctx.signer();
        const provider = o.provider !== undefined ? await ctx.provider(o.provider) : await operatorsProvider(ctx, signer.address);
        const keys = await providerKeys(ctx, provider);
        if (keys.operator !== u8aToHex(signer.publicKey)) throw new UsageError(`the signing key is not ${keys.name}'s operator (${keys.operator}): consumers would refuse the manifest`);
        const db = await findDb(o);
        const copy = join(dirname(db), `.dinfra-snapshot-copy-${process.pid}`);
        await snapshotErrors(() => snap.copyStoppedLevelDb(db, copy));
        try {
          ctx.progress.step(`copy taken at ${copy} (the node may be started again)`);
          const head = await snapshotErrors(() => snap.readLevelHead(copy));
          const node = await rpc(o.chainUrl);
          let chainName: string;
          try {
            chainName = await node.send<string>('system_chain');
            const genesis = await node.send<string>('chain_getBlockHash', [0]);
            const at = await node.send<string | null>('chain_getBlockHash', [head.finalized]);
            if (genesis !== u8aToHex(head.genesisHash)) throw new SnapshotCommandError('E_SNAPSHOT_WRONG_CHAIN', `the database is of genesis ${u8aToHex(head.genesisHash)}, ${o.chainUrl} of ${genesis}`);
            if (at !== u8aToHex(head.finalizedHash)) throw new SnapshotCommandError('E_SNAPSHOT_WRONG_CHAIN', `the database holds ${u8aToHex(head.finalizedHash)} at #${head.finalized}, ${o.chainUrl} has ${at}`);
          } finally {
            await node.close();
          }
          const targets = [
            ...(o.out ? [snap.dirTarget(resolve(o.out), o.httpUrl)] : []),
            ...(o.s3 ? [snap.s3Target({ url: o.s3, endpoint: o.s3Endpoint, publicUrl: o.s3PublicUrl, publicRead: o.s3PublicRead === true })] : []),
            ...(o.ipfsApi ? [snap.kuboTarget(o.ipfsApi, o.ipfsRoot)] : []),
          ];
          const proveFrom = o.out ? snap.sourceForUrl(pathToFileURL(resolve(o.out)).href) : undefined;
          const r = await snapshotErrors(() =>
            snap.createSnapshot({
              source: copy,
              body: {
                chain: chainName,
                genesisHash: head.genesisHash,
                blockNumber: head.finalized,
                blockHash: head.finalizedHash,
                database: { kind: 'dinfra-leveldb', layoutVersion: snap.DINFRA_LEVELDB_LAYOUT },
                node: { name: 'dinfra-node', version: o.nodeVersion },
                pruning: { kind: 'constrained', blocks: 4096 },
                provider: decodeAddress(provider),
              },
              signer,
              targets,
              chunkSize,
              keep,
              validSeconds: Math.round(validDays * 86400),
              ...(o.prove && proveFrom ? { prove: { source: proveFrom, check: async (dir, m) => void (await snap.checkRestored(dir, m.body)) } } : {}),
              onStep: (s) => ctx.progress.step(s),
            }),
          );
          ctx.progress.done();
          const doc = { manifest: u8aToHex(r.manifest.id), block: head.finalized, blockHash: u8aToHex(head.finalizedHash), locations: r.locations, uploaded: r.uploaded, reused: r.reused, deleted: r.deleted, proved: Boolean(o.prove && proveFrom) };
          ctx.out.result(doc, () =>
            fields([
              ['manifest', `${doc.manifest} (block #${doc.block} ${doc.blockHash})`],
              ['published', r.locations.join('\n')],
              ['chunks', `${r.uploaded} uploaded, ${r.reused} already there, ${r.deleted} old ones deleted`],
              ['proved', doc.proved ? 'restored into a scratch directory and opened at the block hash' : 'no (--no-prove, or no --out to restore from)'],
            ]),
          );
        } finally {
          await rm(copy, { recursive: true, force: true });
        }
      }),
    );
}
