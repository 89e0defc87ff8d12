/**
 * `pnpm bench`: one run, one machine. Prints a table and writes bench/results.json.
 * Env: BENCH_TXS (default 8000 senders), BENCH_QUICK=1 (smaller, for a smoke run).
 */
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { benchAccounts, writeBenchSpec } from './accounts.ts';
import { spawnNode } from './node-proc.ts';
import { runStps } from './stps.ts';
import { WsRpc } from './ws-rpc.ts';
import { benchImport, fetchBlocks } from './block-import.ts';
import { benchStorageReads } from './storage-reads.ts';
import { benchStartup } from './startup.ts';
import { benchVerify } from './verify-baseline.ts';
import { importers } from './importers.ts';

interface Row {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const quick = process.env.BENCH_QUICK === '1';
const N = Number(process.env.BENCH_TXS ?? (quick ? 2000 : 8000));
const WARMUP = quick ? 300 : 1000;
const rows: Row[] = [];
const extra: Record<string, unknown> = {};
const fmt = (v: number) => (Number.isFinite(v) ? (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2)) : String(v));
const log = (msg: string) => console.error(`[bench ${(performance.now() / 1000).toFixed(1)}s] ${msg}`);

async function main(): Promise<void> {
  await cryptoWaitReady();
  const started = performance.now();
  extra.loadAverageAtStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'dinfra-bench-'));

  log('baseline: raw sr25519 verification');
  const verify = await benchVerify(quick ? 500 : 1500);
  const base = verify.schnorrkelWasm;
  rows.push({ name: 'sr25519 verify, schnorrkel-wasm, 1 thread (baseline)', value: base, unit: 'verifications/s' });
  rows.push({ name: 'sr25519 verify, @polkadot/wasm-crypto, 1 thread', value: verify.wasmCrypto, unit: 'verifications/s', note: `${(verify.wasmCrypto / base).toFixed(2)}x baseline` });

  log(`accounts: ${N} senders + ${WARMUP} warm-up, funded at genesis via a generated chain spec`);
  const senders = benchAccounts(N, 'stps');
  const warmup = benchAccounts(WARMUP, 'warmup');
  const specFile = join(dir, 'bench-spec.json');
  writeBenchSpec(specFile, [...senders, ...warmup]);
  const smallSpec = join(dir, 'startup-spec.json');
  writeBenchSpec(smallSpec, senders.slice(0, 2));

  log('start-up to first block');
  const startup = process.env.BENCH_PROFILE ? { rpcReadyMs: NaN, firstBlockMs: NaN } : await benchStartup(smallSpec, senders[0]!, senders[1]!);
  rows.push({ name: 'start-up: spawn -> RPC ready', value: startup.rpcReadyMs, unit: 'ms' });
  rows.push({ name: 'start-up: spawn -> block #1 (instant sealing, 1 tx)', value: startup.firstBlockMs, unit: 'ms' });

  log('sTPS: starting node');
  const node = await spawnNode(['--chain', specFile, '--tmp', '--sealing', 'instant', '--rpc-max-connections', '1000'], process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
  try {
    log(`sTPS: ${N} transfers`);
    const stps = await runStps({ wsUrl: node.wsUrl, senders, warmup, connections: 4, batchSize: 250, timeoutMs: 180_000 });
    rows.push({ name: 'sTPS (transfers in blocks 2..k / (ts_k - ts_1))', value: stps.stps, unit: 'transfers/s', note: `${((stps.stps / base) * 100).toFixed(1)}% of baseline` });
    rows.push({ name: 'sTPS incl. first block (all / (ts_k - ts_1))', value: stps.stpsInclusive, unit: 'transfers/s' });
    rows.push({ name: 'end-to-end wall clock (first send -> last block seen)', value: stps.wallTps, unit: 'transfers/s' });
    rows.push({ name: 'submission over RPC (4 WS, batches of 250)', value: (stps.accepted * 1000) / stps.submitMs, unit: 'tx/s accepted' });
    extra.stps = {
      senders: N,
      accepted: stps.accepted,
      transfers: stps.transfers,
      blocks: stps.blocks.map((b) => ({ number: b.number, timestamp: b.timestamp, transfers: b.transfers })),
      submitMs: stps.submitMs,
      signMs: stps.signMs,
    };
    log(`sTPS: ${stps.transfers} transfers in ${stps.blocks.length} blocks (#${stps.firstBlock}..#${stps.lastBlock})`);

    log('state_getStorage');
    const reads = await benchStorageReads(node.wsUrl, senders, quick ? 5000 : 30_000);
    rows.push({ name: 'state_getStorage (4 WS x 64 in flight)', value: reads, unit: 'requests/s' });

    log('block import: fetching blocks');
    const rpc = await WsRpc.connect(node.wsUrl);
    const blocks = await fetchBlocks(rpc, stps.lastBlock);
    rpc.close();
    for (const [name, fn] of Object.entries(importers)) {
      log(`block import: ${name}`);
      const imp = await benchImport(specFile, blocks, stps.firstBlock, fn);
      rows.push({ name: `block import, ${name}`, value: imp.transfersPerSec, unit: 'transfers/s', note: `${((imp.transfersPerSec / base) * 100).toFixed(1)}% of baseline` });
    }
  } finally {
    await node.kill();
  }

  if (process.env.BENCH_PROFILE) return finish(started);
  log('trie');
  const { benchTrie } = await import('../packages/runtime/src/trie/trie.bench.ts');
  for (const [k, v] of Object.entries(await benchTrie())) rows.push({ name: `trie: ${k.replace(/ \(ops\/s\)$/, '')}`, value: v, unit: 'ops/s' });
  const subsBench = fileURLToPath(new URL('../packages/runtime/src/bench/subscriptions.bench.ts', import.meta.url));
  if (existsSync(subsBench)) {
    log('subscriptions');
    type SubsRow = { name: string; value: number; unit: string };
    const mod = (await import(subsBench)) as { benchSubscriptions?: () => Promise<SubsRow[] | Record<string, number>> };
    const res = (await mod.benchSubscriptions?.()) ?? [];
    const list: SubsRow[] = Array.isArray(res) ? res : Object.entries(res).map(([name, value]) => ({ name, value, unit: 'ops/s' }));
    for (const r of list) rows.push({ name: r.name.startsWith('subscriptions') ? r.name : `subscriptions: ${r.name}`, value: r.value, unit: r.unit });
  } else {
    log('subscriptions bench absent: skipped');
  }

  log('aws backend against moto');
  const { benchAws } = await import('./aws.ts');
  rows.push(...(await benchAws(quick ? 5 : 20)));

  log('cloudstack backend against the emulator');
  const { benchCloudStack } = await import('./cloudstack.ts');
  rows.push(...(await benchCloudStack(quick ? 5 : 20)));

  log('gateway: dinfra-gateway vs nginx vs one upstream direct');
  const { benchGateway } = await import('./gateway.ts');
  rows.push(...(await benchGateway({ quick, log })));
  log('gateway: balancing and hedging on stand-in upstreams');
  const { benchGatewayBalance } = await import('./gateway-balance.ts');
  rows.push(...(await benchGatewayBalance({ quick, log })));
  const { benchAccessLog } = await import('./gateway-access-log.ts');
  rows.push(...(await benchAccessLog({ quick })));

  log('content store and sealed secrets');
  const { benchContent } = await import('./content.ts');
  rows.push(...(await benchContent({ quick, log })));

  log('reactor: award -> running (local backend), and 200 deployments');
  const { benchReactorAward } = await import('./reactor-award.ts');
  rows.push(...(await benchReactorAward({ n: quick ? 3 : 10, log })));
  const { benchReactorScale } = await import('./reactor-scale.ts');
  rows.push(...(await benchReactorScale({ n: quick ? 50 : 200, windowS: quick ? 10 : 30, log })));

  log('ogate: award -> served, report -> finalized, outbox, start-up reconcile');
  const { benchOGate } = await import('./ogate-bench.ts');
  rows.push(...(await benchOGate({ quick, log })));

  log('monitor: checks per second and CPU, page render with 90 days of history, detection delay');
  const { benchMonitor } = await import('./monitor.ts');
  rows.push(...(await benchMonitor({ quick, log })));

  finish(started);
}

function finish(started: number): void {
  extra.loadAverageAtEnd = loadavg()[0];
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}`;
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\nDINFRA bench — ${machine} — ${new Date().toISOString()}`);
  console.log(`1-min load average at start ${Number(extra.loadAverageAtStart).toFixed(2)}, at end ${Number(extra.loadAverageAtEnd).toFixed(2)} (other processes share the cores: compare ratios, not absolutes)\n`);
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(12)}  unit`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${fmt(r.value).padStart(12)}  ${r.unit}${r.note ? `  (${r.note})` : ''}`);
  console.log(`\nsTPS = Balances.Transfer events in blocks 2..k / (Timestamp.Now(k) - Timestamp.Now(1)) s, where blocks 1..k are the blocks containing transfers.`);
  console.log(`total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const out = fileURLToPath(new URL('./results.json', import.meta.url));
  writeFileSync(out, JSON.stringify({ machine, date: new Date().toISOString(), quick, rows, ...extra }, null, 2) + '\n');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
