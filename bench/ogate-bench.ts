/**
 * OGate figures (`pnpm bench`, section "ogate"): award -> served and report -> finalized
 * p50/p95 with L live subscriptions, reports per second through the outbox, and start-up
 * (reconcile) time with S live subscriptions, cold (empty data dir) and warm (restart).
 * Real dinfra-node (--dev, instant sealing) and real dinfra-ogate processes.
 */
import { connectApi, devKeyring } from '../test/support/chain-helpers.ts';
import { startNode } from '../test/support/node-process.ts';
import { addJson, contentStore, mintToken, nodeDescriptor, ogateFetch, registerProvider, startOGate, subscribe, tempDir, type RunningOGate } from '../test/support/ogate.ts';

// The bench package has no @polkadot/api of its own: take the types from the test helpers.
type ApiPromise = Awaited<ReturnType<typeof connectApi>>;
type KeyringPair = ReturnType<ReturnType<typeof devKeyring>['addFromUri']>;

interface Row {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function until<T>(what: string, f: () => Promise<T | undefined | false>, timeoutMs = 600_000, everyMs = 100): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Subscribes `n` awards to `provider` in batches, acking each batch (Provisioning through OGate) before the next. */
async function populate(api: ApiPromise, og: { url: string }, token: string, who: KeyringPair, provider: string, cid: string, n: number, batch: number): Promise<bigint[]> {
  const ids: bigint[] = [];
  for (let i = 0; i < n; i += batch) {
    const k = Math.min(batch, n - i);
    const got = (await subscribe(api, who, Array.from({ length: k }, () => ({ typeId: 0, cid, provider, deposit: 10n ** 12n })))).map((a) => a.id);
    for (const id of got) {
      await until(`deployment ${id} served`, async () => (await ogateFetch(og, token, `/v1/deployments/${id}`)).status === 200, 120_000, 50);
    }
    for (let j = 0; j < got.length; j += 50) {
      await Promise.all(got.slice(j, j + 50).map((id) => ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation: 1, state: 'provisioning' } })));
    }
    await until('batch acked', () => allProvisioning(api, got), 120_000, 100);
    ids.push(...got);
  }
  return ids;
}

async function allProvisioning(api: ApiPromise, ids: bigint[]): Promise<boolean> {
  for (let i = 0; i < ids.length; i += 1000) {
    const subs = await api.query.subscriptions.subscriptions.multi(ids.slice(i, i + 1000));
    for (const s of subs) {
      const st = s.unwrap().status;
      if (st.isTerminated) throw new Error('bench: a subscription was terminated (ack timeout?)');
      if (!st.isProvisioning && !st.isRunning) return false;
    }
  }
  return true;
}

export async function benchOGate(opts: { quick: boolean; log: (m: string) => void }): Promise<Row[]> {
  const { quick, log } = opts;
  const L = quick ? 200 : 1000;
  const S = quick ? 2000 : 10_000;
  const N = quick ? 10 : 30;
  const rows: Row[] = [];
  const node = await startNode(['--dev']);
  const api = await connectApi(node.wsUrl);
  const k = devKeyring();
  const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => k.addFromUri(s)) as [KeyringPair, KeyringPair, KeyringPair];
  let og: RunningOGate | undefined;
  try {
    await registerProvider(api, alice, bob.address, 'bench-infra', [{ typeId: 0, capacity: 1_000_000 }]);
    const dataDir = tempDir('ogate-bench-');
    og = await startOGate({ wsUrl: node.wsUrl, suri: '//Bob', dataDir, args: ['--log-level', 'warn'] });
    const store = await contentStore(og.ipfsRepo);
    const cid = await addJson(store, nodeDescriptor());
    await store.close();
    const token = await mintToken(dataDir, ['substrate-node']);
    const current = og;

    log(`ogate: ${L} live subscriptions`);
    const live = await populate(api, og, token, charlie, alice.address, cid, L, 100);

    log(`ogate: award -> served, ${N} awards one at a time`);
    const finalizedAt = new Map<number, number>();
    const unsub = await api.rpc.chain.subscribeFinalizedHeads((h) => {
      finalizedAt.set(h.number.toNumber(), performance.now());
    });
    const servedLat: number[] = [];
    const newIds: bigint[] = [];
    for (let i = 0; i < N; i++) {
      const rev0 = (await ogateFetch(og, token, '/v1/deployments?since=0&wait=0')).body.revision as number;
      let wanted: string | undefined;
      // Long-poll from rev0 until the new award shows up (other changes wake the poll too).
      const seen = (async () => {
        let rev = rev0;
        for (;;) {
          const l = await ogateFetch(current, token, `/v1/deployments?since=${rev}&wait=30`);
          const at = performance.now();
          rev = l.body.revision as number;
          for (const d of l.body.deployments as Array<{ id: string }>) if (wanted === undefined || d.id === wanted) return { at, id: d.id };
        }
      })();
      const [a] = await subscribe(api, charlie, [{ typeId: 0, cid, provider: alice.address, deposit: 10n ** 12n }]);
      wanted = a!.id.toString();
      let hit = await seen;
      while (hit.id !== wanted) hit = await (async () => {
        const l = await ogateFetch(current, token, `/v1/deployments/${wanted}`);
        return l.status === 200 ? { at: performance.now(), id: wanted! } : (await sleep(5), { at: 0, id: '' });
      })();
      const t1 = hit.at;
      const ack = await ogateFetch(og, token, `/v1/deployments/${a!.id}/status`, { method: 'PUT', body: { generation: 1, state: 'provisioning' } });
      if (ack.status !== 202) throw new Error(`bench: ack refused: ${ack.status} ${JSON.stringify(ack.body)}`);
      const block = (await api.query.subscriptions.subscriptions(a!.id)).unwrap().awardedAt.toNumber();
      const t0 = await until('finality seen', async () => finalizedAt.get(block), 30_000, 5);
      servedLat.push(Math.max(0, t1 - t0));
      newIds.push(a!.id);
    }
    unsub();
    rows.push({ name: `ogate: award -> served p50 (${L} live)`, value: pct(servedLat, 50), unit: 'ms after finality' });
    rows.push({ name: `ogate: award -> served p95 (${L} live)`, value: pct(servedLat, 95), unit: 'ms after finality', note: `goal 1000 ms: ${(pct(servedLat, 95) / 1000).toFixed(2)}x` });

    log(`ogate: report -> finalized, ${N} reports one at a time`);
    await until('new awards acked', () => allProvisioning(api, newIds));
    const reportLat: number[] = [];
    for (const id of newIds) {
      const t0 = performance.now();
      const r = await ogateFetch(og, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation: 1, state: 'running', endpoints: [`wss://n${id}.example`] } });
      if (r.status !== 202) throw new Error(`bench: report refused: ${r.status} ${JSON.stringify(r.body)}`);
      await until('report finalized', async () => (await ogateFetch(current, token, `/v1/reports/${r.body.reportId}`)).body.status === 'finalized', 60_000, 20);
      reportLat.push(performance.now() - t0);
    }
    rows.push({ name: `ogate: report -> finalized p50 (${L} live)`, value: pct(reportLat, 50), unit: 'ms', note: 'includes the 200 ms coalescing window' });
    rows.push({ name: `ogate: report -> finalized p95 (${L} live)`, value: pct(reportLat, 95), unit: 'ms' });

    log(`ogate: ${L} running reports through the outbox`);
    const t0 = performance.now();
    const nonce0 = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
    for (let i = 0; i < live.length; i += 50) {
      await Promise.all(live.slice(i, i + 50).map((id) => ogateFetch(current, token, `/v1/deployments/${id}/status`, { method: 'PUT', body: { generation: 1, state: 'running', endpoints: [`wss://n${id}.example`] } })));
    }
    await until('running on chain', async () => {
      for (let i = 0; i < live.length; i += 1000) {
        const subs = await api.query.subscriptions.subscriptions.multi(live.slice(i, i + 1000));
        if (!subs.every((s) => s.unwrap().status.isRunning)) return false;
      }
      return true;
    }, 600_000, 50);
    const secs = (performance.now() - t0) / 1000;
    const xts = (await api.rpc.system.accountNextIndex(bob.address)).toNumber() - nonce0;
    rows.push({ name: 'ogate: reports through the outbox', value: live.length / secs, unit: 'reports/s', note: `${live.length} reports in ${xts} extrinsics` });

    log(`ogate: growing to ${S} live subscriptions`);
    await populate(api, og, token, charlie, alice.address, cid, S - live.length - newIds.length, 250);
    await og.kill('SIGTERM');

    log(`ogate: cold start with ${S} live subscriptions`);
    const cold = await timedStart(node.wsUrl, tempDir('ogate-bench-cold-'), og.ipfsRepo, S);
    rows.push({ name: `ogate: cold start -> ready (${S} live, reconcile)`, value: cold.readyMs, unit: 'ms', note: `reconcile ${cold.reconcileMs} ms; goal 10000 ms: ${(cold.readyMs / 10_000).toFixed(2)}x` });
    rows.push({ name: `ogate: cold start -> all ${S} served (descriptors verified)`, value: cold.servedMs, unit: 'ms' });
    log(`ogate: warm restart with ${S} live subscriptions`);
    const warm = await timedStart(node.wsUrl, cold.dataDir, og.ipfsRepo, S);
    rows.push({ name: `ogate: warm restart -> ready (${S} live)`, value: warm.readyMs, unit: 'ms', note: `reconcile ${warm.reconcileMs} ms` });
    og = undefined;
  } finally {
    await og?.kill();
    await api.disconnect();
    await node.kill();
  }
  return rows;
}

async function timedStart(wsUrl: string, dataDir: string, ipfsRepo: string, expected: number) {
  const t0 = performance.now();
  const og = await startOGate({ wsUrl, suri: '//Bob', dataDir, ipfsRepo, waitReady: true, timeoutMs: 600_000 });
  const readyMs = performance.now() - t0;
  const token = await mintToken(dataDir, ['substrate-node']);
  await until('all served', async () => (await ogateFetch(og, token, '/v1/deployments')).body.deployments?.length >= expected, 900_000, 250);
  const servedMs = performance.now() - t0;
  const m = /"ms":(\d+),"msg":"reconciled from chain storage"/.exec(og.logs());
  await og.kill('SIGTERM');
  return { readyMs, servedMs, reconcileMs: m ? Number(m[1]) : NaN, dataDir };
}

// `node --import tsx bench/ogate-bench.ts` runs this section alone (BENCH_QUICK=1 for a smoke run).
if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (m: string) => console.error(`[bench ogate ${(performance.now() / 1000).toFixed(1)}s] ${m}`);
  benchOGate({ quick: process.env.BENCH_QUICK === '1', log }).then(
    (rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(60)} ${r.value.toFixed(1).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
