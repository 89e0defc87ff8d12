// A pool that scales (reactor-sdk ClusterScaler on the gateway's own metrics, windows shortened
// so the test runs in seconds): min 1, max 3 under a load generator bounded in time and count
// (12 WebSocket clients on loopback, each with a newHeads subscription and a stream of reads).
// It grows to 3 (new followers join only once healthy), the sessions end up balanced within 20%,
// then it shrinks back to 1 when the load stops (leaving nodes drained first). No request fails
// and no subscription loses or repeats a head during either move; decisions are counted and shown
// in the gateway's /status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterScaler, createLogger } from '@dinfra/reactor-sdk';
import { startNode, tempBasePath, type RunningNode } from '../support/node-process.ts';
import { RawWs, waitFor } from '../support/chain-helpers.ts';
import { startGateway, type RunningGateway } from './gateway-support.ts';

const SYSTEM_NUMBER = '0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac';
const KEYS = ['--bob', '--charlie', '--dave', '--eve'];

interface Status {
  pools: Array<{ upstreams: Array<{ url: string; usable: boolean; sessions: number }> }>;
  scaling: Array<{ pool: string; action: string; from: number; to: number }>;
}

let author: RunningNode;
const followers = new Map<string, RunningNode>();
let gw: RunningGateway;
let scaler: ClusterScaler;
const status = async (): Promise<Status> => (await (await fetch(`${gw.httpUrl}/status`)).json()) as Status;

beforeAll(async () => {
  author = await startNode(['--chain', 'local', '--alice', '--base-path', tempBasePath(), '--sealing', 'interval', '--block-time', '300'], 180_000);
  gw = await startGateway(['--upstream', author.wsUrl, '--admin-listen', '127.0.0.1:0', '--health-interval', '300', '--log-level', 'warn'], 90_000);
  const adminUrl = /gateway admin API on (http:\/\/\S+)/.exec(gw.logs())![1]!;
  await waitFor('the author usable', async () => (await status()).pools[0]!.upstreams[0]!.usable, 30_000, 100);
  let k = 0;
  scaler = new ClusterScaler({
    pool: 'default',
    gatewayUrl: gw.httpUrl,
    adminUrl,
    rules: { min: 1, max: 3, targetRpsPerNode: 15, targetP95Ms: 10_000, outWindowMs: 1500, inWindowMs: 3000 },
    sampleMs: 500,
    logger: createLogger({ level: 'warn' }),
    target: {
      async addNode() {
        const n = await startNode(['--chain', 'local', KEYS[k++ % KEYS.length]!, '--tmp', '--sync-from', author.wsUrl], 180_000);
        followers.set(n.wsUrl, n);
        return n.wsUrl;
      },
      async removeNode(url) {
        await followers.get(url)?.kill();
        followers.delete(url);
      },
    },
  });
  scaler.start();
}, 400_000);

afterAll(async (suite) => {
  if (suite.tasks.some((t) => t.result?.state === 'fail')) console.error(JSON.stringify({ counts: scaler?.counts, decisions: scaler?.decisions, status: await status().catch((e: Error) => e.message) }, null, 1), gw?.logs().split('\n').filter((l) => !l.includes(' access ')).slice(-40).join('\n'));
  scaler?.stop();
  await gw?.kill();
  await Promise.all([author?.kill(), ...[...followers.values()].map((n) => n.kill())]);
});

describe('a pool that scales with its load', () => {
  it('grows to 3 under load, balances sessions within 20%, shrinks back to 1; nothing failed, lost or repeated', async () => {
    const clients: Array<{ ws: RawWs; heads: number[] }> = [];
    for (let i = 0; i < 12; i++) {
      const ws = await RawWs.connect(gw.wsUrl);
      const c = { ws, heads: [] as number[] };
      clients.push(c);
      await ws.subscribe('chain_subscribeNewHeads', [], (h) => c.heads.push(Number((h as { number: string }).number)));
    }
    // The load generator: bounded in time (stopped below, 400 s at most on a loaded machine) and count (20,000 calls).
    let stop = false;
    let sent = 0;
    let failed = 0;
    const deadline = Date.now() + 400_000;
    const loops = clients.map(async (c) => {
      while (!stop && Date.now() < deadline && sent < 20_000) {
        sent++;
        await c.ws.call('state_getStorage', [SYSTEM_NUMBER]).catch(() => failed++);
        await new Promise((r) => setTimeout(r, 40));
      }
    });
    const balanced = (s: Status) => {
      const n = s.pools[0]!.upstreams.filter((u) => u.usable).map((u) => u.sessions);
      const mean = n.reduce((a, b) => a + b, 0) / n.length;
      return n.length === 3 && Math.max(...n) - Math.min(...n) <= 0.2 * mean;
    };
    await waitFor('3 nodes with the sessions balanced', async () => balanced(await status()), 400_000, 200);
    const atPeak = (await status()).pools[0]!.upstreams.map((u) => u.sessions);
    stop = true;
    await Promise.all(loops);
    await waitFor('back to 1 node', async () => (await status()).pools[0]!.upstreams.length === 1 && scaler.counts.in === 2, 60_000, 200);
    const seen = clients.map((c) => c.heads.length);
    await waitFor('two more heads everywhere', () => clients.every((c, i) => c.heads.length >= seen[i]! + 2), 30_000, 100);

    expect(atPeak).toEqual([4, 4, 4]);
    expect(sent).toBeGreaterThan(100);
    expect(failed).toBe(0);
    for (const c of clients) {
      expect(c.ws.open).toBe(true);
      for (let i = 1; i < c.heads.length; i++) expect(c.heads[i], `heads ${c.heads.join(',')}`).toBe(c.heads[i - 1]! + 1);
    }
    expect(scaler.counts).toEqual({ out: 2, in: 2, failed: 0 });
    expect(scaler.decisions.map((d) => `${d.action} ${d.from}->${d.to}`)).toEqual(['in 2->1', 'in 3->2', 'out 2->3', 'out 1->2']);
    const shown = (await status()).scaling.map((d) => `${d.action} ${d.from}->${d.to}`);
    expect(shown).toEqual(['in 2->1', 'in 3->2', 'out 2->3', 'out 1->2']);
    for (const c of clients) c.ws.close();
  }, 700_000);
});
