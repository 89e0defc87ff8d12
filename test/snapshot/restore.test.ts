// `dinfra snapshot create` on a stopped follower's database, published to a directory served
// over HTTP; `dinfra snapshot fetch` into a new node's base path; the new node starts at the
// snapshot height (no block at or below it is imported) and follows the chain. Real dinfra-node
// processes, the real CLI, a real HTTP server; kill -9 of the producer and of the fetcher.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiPromise } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startMirrorServer, type MirrorServer } from '@dinfra/snapshot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dinfra, json } from '../cli/support.ts';
import { connectApi, devKeyring, heads, waitFor } from '../support/chain-helpers.ts';
import { rpc, startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { registerProvider } from '../support/ogate.ts';
import { spawnDinfra } from './support.ts';

let author: RunningNode;
let api: ApiPromise;
let work: string;
let producerBase: string;
let pub: string;
let mirror: MirrorServer;
const nodes: RunningNode[] = [];
const CHUNK = '16KiB';

interface Created { manifest: string; block: number; blockHash: string; locations: string[]; uploaded: number; reused: number }

async function producerSnapshot(extra: string[] = [], env: Record<string, string> = {}) {
  return dinfra(['snapshot', 'create', '--base-path', producerBase, '--chain-url', author.wsUrl, '--url', author.wsUrl, '--out', pub, '--http-url', mirror.url, '--chunk-size', CHUNK, '--json', ...extra], { DINFRA_SURI: '//Dave', ...env });
}

/** Runs the producer follower until it has `n` finalized blocks, then stops it (SIGTERM). */
async function runProducerTo(n: number): Promise<void> {
  const p = await startNode(['--chain', 'local', '--base-path', producerBase, '--sync-from', author.wsUrl]);
  await waitFor(`producer finalized >= ${n}`, async () => (await heads(p)).finalized.number >= n, 60_000);
  await p.kill('SIGTERM');
}

beforeAll(async () => {
  await cryptoWaitReady();
  work = await mkdtemp(join(tmpdir(), 'snap-e2e-'));
  pub = join(work, 'pub');
  mirror = await startMirrorServer(pub);
  author = await startNode(['--chain', 'local', '--alice', '--base-path', tempBasePath(), '--sealing', 'interval', '--block-time', '300']);
  nodes.push(author);
  api = await connectApi(author.wsUrl);
  const k = devKeyring();
  await registerProvider(api, k.addFromUri('//Bob'), k.addFromUri('//Dave').address, 'bob-cloud', []);
  producerBase = join(work, 'producer');
  await runProducerTo(12);
});

afterAll(async () => {
  await api?.disconnect().catch(() => undefined);
  for (const n of nodes) await n.kill().catch(() => undefined);
  await mirror?.close();
  await rm(work, { recursive: true, force: true });
});

describe('dinfra snapshot on a dinfra-node', () => {
  let created: Created;

  it('create refuses while the node runs (its LevelDB LOCK is held), and changes nothing', async () => {
    const p = await startNode(['--chain', 'local', '--base-path', producerBase, '--sync-from', author.wsUrl]);
    const r = await producerSnapshot();
    await p.kill('SIGTERM');
    expect(r.code).toBe(1);
    expect(json<{ error: { code: string; message: string } }>(r).error.message).toMatch(/in use.*stop the node/);
    expect(existsSync(join(pub, 'latest.dsnm'))).toBe(false);
  });

  it('kill -9 of the producer mid-publish leaves no manifest current; the next run publishes', async () => {
    for (const at of ['chunk-uploaded', 'manifest-written']) {
      const r = await producerSnapshot([], { DINFRA_SNAPSHOT_CRASH_AT: at });
      expect(r.code, r.stderr).not.toBe(0);
      expect(existsSync(join(pub, 'latest.dsnm'))).toBe(false);
    }
    const r = await producerSnapshot();
    expect(r.code, r.stderr).toBe(0);
    created = json<Created>(r);
    expect(created.block).toBeGreaterThanOrEqual(12);
    expect(created.blockHash).toBe(await rpc(author, 'chain_getBlockHash', [created.block]));
    expect(created.reused).toBeGreaterThan(0); // chunks the killed runs uploaded are not uploaded again
    const inspect = json<{ id: string; chain: string; blockNumber: number; signer: string }>(await dinfra(['snapshot', 'inspect', join(pub, 'latest.dsnm'), '--json']));
    expect(inspect.id).toBe(created.manifest);
    expect(inspect.blockNumber).toBe(created.block);
  });

  it('fetch refuses a wrong chain, a wrong database kind and a manifest not signed by the provider\'s operator, before any chunk', async () => {
    const before = mirror.stats.requests;
    const url = `${mirror.url}latest.dsnm`;
    const out = join(work, 'refused');
    const wrongChain = await dinfra(['snapshot', 'fetch', url, '--out', out, '--url', author.wsUrl, '--chain', 'Polkadot', '--json']);
    expect(json<{ error: { code: string } }>(wrongChain).error.code).toBe('E_SNAPSHOT_WRONG_CHAIN');
    const wrongKind = await dinfra(['snapshot', 'fetch', url, '--out', out, '--url', author.wsUrl, '--db-kind', 'paritydb', '--json']);
    expect(json<{ error: { code: string } }>(wrongKind).error.code).toBe('E_SNAPSHOT_WRONG_DB_KIND');
    // Another registered provider: its operator did not sign this manifest.
    const k = devKeyring();
    await registerProvider(api, k.addFromUri('//Ferdie'), k.addFromUri('//Eve').address, 'ferdie-cloud', []);
    const otherProvider = await dinfra(['snapshot', 'fetch', url, '--out', out, '--url', author.wsUrl, '--provider', 'ferdie-cloud', '--json']);
    expect(json<{ error: { code: string } }>(otherProvider).error.code).toBe('E_SNAPSHOT_MANIFEST_SIGNER');
    expect(mirror.stats.requests - before).toBe(3); // the manifest, three times; no chunk
    expect(existsSync(out)).toBe(false);
  });

  it('kill -9 of the fetcher mid-download: no database appears; the rerun resumes and re-fetches at most the chunks in flight', async () => {
    const out = join(work, 'killed', 'chains', 'local_testnet', 'db');
    mirror.rate = 64 * 1024;
    const f = spawnDinfra(['snapshot', 'fetch', `${mirror.url}latest.dsnm`, '--out', out, '--url', author.wsUrl, '--provider', 'bob-cloud', '--concurrency', '2', '--json']);
    await waitFor('some chunks journaled', async () => {
      const j = await readFile(`${out}.dinfra-partial/.dinfra-snapshot-journal`, 'utf8').catch(() => '');
      return j.split('\n').length > 4;
    }, 60_000, 20);
    f.child.kill('SIGKILL');
    await f.exit;
    mirror.rate = 0;
    expect(existsSync(out)).toBe(false);
    const journaled = (await readFile(`${out}.dinfra-partial/.dinfra-snapshot-journal`, 'utf8')).split('\n').filter((l) => /^\d+:\d+$/.test(l)).length;
    const r = await dinfra(['snapshot', 'fetch', `${mirror.url}latest.dsnm`, '--out', out, '--url', author.wsUrl, '--provider', 'bob-cloud', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = json<{ chunksFetched: number; chunksResumed: number }>(r);
    expect(res.chunksResumed).toBe(journaled);
    const inspect = json<{ chunkCount: number }>(await dinfra(['snapshot', 'inspect', `${mirror.url}latest.dsnm`, '--json']));
    expect(res.chunksFetched + res.chunksResumed).toBe(inspect.chunkCount);
    const v = await dinfra(['snapshot', 'verify', out, '--json']);
    expect(v.code, v.stderr).toBe(0);
  });

  it('a node restored from the snapshot starts at its height (imports nothing below it) and follows the chain', async () => {
    const base = join(work, 'restored');
    const r = await dinfra(['snapshot', 'fetch', `${mirror.url}latest.dsnm`, '--out', join(base, 'chains', 'local_testnet', 'db'), '--url', author.wsUrl, '--provider', 'bob-cloud', '--chain', 'Local Testnet', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const node = await startNode(['--chain', 'local', '--base-path', base, '--sync-from', author.wsUrl]);
    nodes.push(node);
    const target = (await heads(author)).best.number + 3;
    await waitFor(`restored node at #${target}`, async () => (await heads(node)).best.number >= target, 60_000);
    expect(await rpc(node, 'chain_getBlockHash', [created.block])).toBe(created.blockHash);
    const imported = [...node.logs().matchAll(/Imported #(\d+)/g)].map((m) => Number(m[1]));
    console.log(`restored node: snapshot #${created.block}, imported ${imported.length} blocks (#${Math.min(...imported)}..#${Math.max(...imported)})`);
    expect(imported.length).toBeGreaterThan(0);
    // The database may hold a block or two past the finalized snapshot block: the node starts
    // from the highest one it holds and imports only what follows.
    const known = Number(/Highest known block at #(\d+)/.exec(node.logs())![1]);
    expect(known).toBeGreaterThanOrEqual(created.block);
    expect(Math.min(...imported)).toBe(known + 1);
  });
});
