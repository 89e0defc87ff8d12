/**
 * dinfra-reactor, local backend: award → Running on chain for a dinfra-node deployment (the
 * issue's goal: under 10 s), p50/p95 over sequential subscriptions, with production settings
 * (probes every 10 s, resync 60 s). Baseline, same run: a bare dinfra-node follower's
 * spawn → RPC ready, the floor any local deployment pays.
 */
import { addJson, contentStore, subscribe, submit } from '../test/support/ogate.ts';
import { deployedProcesses, killDeployed, startMarket, startReactor, statusOnChain, until } from '../test/reactor/support.ts';
import { spawnNode } from './node-proc.ts';

export interface Row { name: string; value: number; unit: string; note?: string }

const PRODUCTION = { resyncMs: 60_000, longPollS: 30, probeIntervalMs: 10_000, orphanSweepMs: 600_000, restartAfter: 2, degradedAfter: 4, startupGraceMs: 60_000, createAttempts: 5, retryBaseMs: 1000, retryMaxMs: 30_000 };
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

export async function benchReactorAward(o: { n: number; log: (m: string) => void }): Promise<Row[]> {
  const m = await startMarket([{ typeId: 0, capacity: 50 }]);
  let dataDir = '';
  try {
    const reactor = await startReactor(m, { tuning: PRODUCTION });
    dataDir = reactor.dataDir;
    const store = await contentStore(m.og.ipfsRepo);
    const cid = await addJson(store, { type: 'substrate-node', role: 'rpc', chain: 'dinfra', version: 'dev' });
    await store.close();
    const times: number[] = [];
    for (let i = 0; i < o.n; i++) {
      const [award] = await subscribe(m.api, m.subscriber, [{ typeId: 0, cid, provider: m.provider.address }]);
      const t0 = performance.now();
      await until('running', async () => (await statusOnChain(m.api, award!.id)).type === 'Running', 120_000);
      times.push(performance.now() - t0);
      o.log(`reactor: award ${i + 1}/${o.n} running after ${Math.round(times.at(-1)!)} ms`);
      await submit(m.api, m.api.tx.subscriptions!.terminate!(award!.id), m.subscriber);
      await until('gone', () => deployedProcesses(dataDir).length === 0, 120_000);
    }
    await reactor.kill('SIGTERM');
    const bare: number[] = [];
    for (let i = 0; i < Math.min(3, o.n); i++) {
      const f = await spawnNode(['--chain', 'dev', '--tmp', '--sync-from', m.node.wsUrl]);
      bare.push(f.rpcReadyMs);
      await f.kill();
    }
    const base = pct(bare, 50);
    const p50 = pct(times, 50);
    return [
      { name: 'reactor (local): bare dinfra-node follower spawn -> RPC ready (baseline)', value: base, unit: 'ms' },
      { name: `reactor (local): award -> Running on chain, p50 (n=${o.n})`, value: p50, unit: 'ms', note: `${(p50 / base).toFixed(2)}x baseline; goal < 10 s` },
      { name: `reactor (local): award -> Running on chain, p95 (n=${o.n})`, value: pct(times, 95), unit: 'ms' },
    ];
  } finally {
    if (dataDir) killDeployed(dataDir);
    await m.close();
  }
}
