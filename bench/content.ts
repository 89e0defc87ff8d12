/**
 * @dinfra/content: what a descriptor fetch and a CLI add cost. Baseline: node:crypto SHA-256
 * of the same bytes (the floor of any verified read); figures: `cidOf` (UnixFS import, no
 * store), add + verified get through the embedded store and through a real Kubo daemon
 * (`ipfs daemon --offline`, when the peer is installed), and sealing / opening a secret.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cidOf, openContentStore, openSecret, sealSecret, sr25519KeypairFromSuri, type ContentStore } from '../packages/content/src/index.ts';
import { startKubo } from '../test/support/kubo.ts';
import { PEER_PATHS } from '../test/support/peers.ts';
import { existsSync } from 'node:fs';

export interface ContentBenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const MiB = 1 << 20;

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function perSecond(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return (n * 1000) / (performance.now() - t);
}

async function storeRows(label: string, store: ContentStore, n: number): Promise<ContentBenchRow[]> {
  const docs = Array.from({ length: n }, (_, i) => new TextEncoder().encode(JSON.stringify({ type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: `v1.${i}`, extraArgs: ['--pruning', 'archive'], pad: 'x'.repeat(1500) })));
  const cids: string[] = [];
  const add = await perSecond(n, async (i) => cids.push(await store.add(docs[i]!)));
  const get = await perSecond(n, (i) => store.get(cids[i]!));
  const big = Array.from({ length: 4 }, (_, i) => bytes(4 * MiB, 100 + i));
  const bigCids: string[] = [];
  const addBig = await perSecond(big.length, async (i) => bigCids.push(await store.add(big[i]!)));
  const getBig = await perSecond(big.length, (i) => store.get(bigCids[i]!, { maxBytes: 5 * MiB }));
  return [
    { name: `content ${label}: add a 2 KB descriptor`, value: add, unit: 'adds/s' },
    { name: `content ${label}: verified get of a 2 KB descriptor`, value: get, unit: 'gets/s' },
    { name: `content ${label}: add 4 MiB`, value: addBig * 4, unit: 'MiB/s' },
    { name: `content ${label}: verified get 4 MiB`, value: getBig * 4, unit: 'MiB/s' },
  ];
}

export async function benchContent(o: { quick: boolean; log: (m: string) => void }): Promise<ContentBenchRow[]> {
  const rows: ContentBenchRow[] = [];
  const data = bytes(8 * MiB, 7);
  const sha = await perSecond(o.quick ? 5 : 20, () => createHash('sha256').update(data).digest());
  rows.push({ name: 'content: SHA-256 of 8 MiB, node:crypto (baseline)', value: sha * 8, unit: 'MiB/s' });
  const cid = await perSecond(o.quick ? 3 : 10, () => cidOf(data));
  rows.push({ name: 'content: cidOf 8 MiB (UnixFS import, Kubo defaults)', value: cid * 8, unit: 'MiB/s', note: `${(cid / sha).toFixed(2)}x baseline` });

  const n = o.quick ? 50 : 300;
  const repo = mkdtempSync(join(tmpdir(), 'dinfra-bench-content-'));
  const embedded = await openContentStore({ ipfsRepo: repo });
  try {
    o.log('content: embedded store');
    rows.push(...(await storeRows('embedded', embedded, n)));
  } finally {
    await embedded.close();
    rmSync(repo, { recursive: true, force: true });
  }
  if (existsSync(PEER_PATHS.kubo)) {
    o.log('content: Kubo daemon (offline)');
    const kubo = await startKubo({ bin: PEER_PATHS.kubo });
    const store = await openContentStore({ ipfsApi: kubo.apiUrl });
    try {
      rows.push(...(await storeRows('kubo', store, n)));
    } finally {
      await store.close();
      await kubo.stop();
    }
  } else o.log(`content: Kubo missing (${PEER_PATHS.kubo}): its rows are skipped; run node scripts/peers.mjs kubo`);

  const dave = sr25519KeypairFromSuri('//Dave');
  const eve = sr25519KeypairFromSuri('//Eve');
  const sealed: string[] = [];
  const m = o.quick ? 100 : 500;
  const seal = await perSecond(m, (i) => sealed.push(sealSecret({ name: 'nodeKey', value: `0x${i.toString(16).padStart(64, '0')}`, recipient: dave.publicKey })));
  const open = await perSecond(m, (i) => openSecret({ name: 'nodeKey', sealed: sealed[i]!, keypairs: [dave] }));
  const openSecond = await perSecond(m, (i) => openSecret({ name: 'nodeKey', sealed: sealed[i]!, keypairs: [eve, dave] }));
  rows.push({ name: 'secrets: seal one value (ephemeral sr25519 + agreement)', value: seal, unit: 'seals/s' });
  rows.push({ name: 'secrets: open one value, current operator key', value: open, unit: 'opens/s' });
  rows.push({ name: 'secrets: open one value, second of two operator keys', value: openSecond, unit: 'opens/s', note: `${(openSecond / open).toFixed(2)}x one key` });
  return rows;
}
