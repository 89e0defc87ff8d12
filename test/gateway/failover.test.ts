// Kill one of three upstreams under load: no client request fails (reads are retried on another
// upstream) and every legacy subscription keeps delivering every new head exactly once (moved to
// another upstream, deduplicated by block hash, gaps filled).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc, type RunningNode } from '../support/node-process.ts';
import { RawWs, waitFor } from '../support/chain-helpers.ts';
import { WsRpcClient } from '../papi/ws-rpc-client.ts';
import { metricSum, post, startCluster, startGateway, waitUsable, type RunningGateway } from './gateway-support.ts';

const SYSTEM_NUMBER = '0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac';
let nodes: RunningNode[];
let gw: RunningGateway;
const sockets: RawWs[] = [];
const clients: WsRpcClient[] = [];

interface Header {
  number: string;
  parentHash: string;
}

beforeAll(async () => {
  nodes = await startCluster(2, 200);
  gw = await startGateway([...nodes.flatMap((n) => ['--upstream', n.wsUrl]), '--health-interval', '300', '--json-logs']);
  await waitUsable(gw, 3);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of clients) c.close();
  await gw?.kill();
  await Promise.all((nodes ?? []).map((n) => n.kill()));
});

/** Which upstream each subscribe call went to, from the gateway's JSON access log. */
function subscriptionsPerUpstream(): Map<string, number> {
  const per = new Map<string, number>();
  for (const line of gw.logs().split('\n')) {
    if (!line.includes('"name":"access"') || !/"method":"(chain_subscribe|state_subscribe)/.test(line)) continue;
    const { upstream } = JSON.parse(line) as { upstream: string };
    per.set(upstream, (per.get(upstream) ?? 0) + 1);
  }
  return per;
}

describe('failover: one of three upstreams killed under load', () => {
  it('fails no request and delivers every head exactly once on every legacy subscription', async () => {
    const streams: Array<{ kind: string; numbers: number[]; headers: Header[] }> = [];
    for (let i = 0; i < 6; i++) {
      const ws = await RawWs.connect(gw.wsUrl);
      sockets.push(ws);
      for (const method of ['chain_subscribeNewHeads', 'chain_subscribeFinalizedHeads'] as const) {
        const s = { kind: method, numbers: [] as number[], headers: [] as Header[] };
        streams.push(s);
        await ws.subscribe(method, [], (h) => {
          s.headers.push(h as Header);
          s.numbers.push(Number((h as Header).number));
        });
      }
      const storage = { kind: 'state_subscribeStorage', numbers: [] as number[], headers: [] as Header[] };
      streams.push(storage);
      await ws.subscribe('state_subscribeStorage', [[SYSTEM_NUMBER]], (r) => {
        for (const [, v] of (r as { changes: Array<[string, string]> }).changes) storage.numbers.push(Buffer.from(v.slice(2), 'hex').readUInt32LE(0));
      });
    }

    // chainHead_v1 follows: pinned to their upstream, ended with the spec's `stop` when it dies.
    const follows: Array<{ c: WsRpcClient; sub: string; events: () => Array<{ event: string }> }> = [];
    for (let i = 0; i < 3; i++) {
      const c = await WsRpcClient.connect(gw.wsUrl);
      clients.push(c);
      const sub = await c.call<string>('chainHead_v1_follow', [false]);
      follows.push({ c, sub, events: () => c.events<{ event: string }>(sub) });
    }

    // Load: WebSocket and HTTP readers, all counted.
    let stop = false;
    let ok = 0;
    const failures: string[] = [];
    const readers = Array.from({ length: 4 }, async (_, i) => {
      const ws = await RawWs.connect(gw.wsUrl);
      sockets.push(ws);
      while (!stop) {
        try {
          const head = await ws.call<Header>('chain_getHeader');
          const hash = await ws.call<string>('chain_getBlockHash', [Number(head.number)]);
          await ws.call('state_getStorage', [SYSTEM_NUMBER, hash]);
          await ws.call('system_accountNextIndex', ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY']);
          const viaHttp = await post(gw.httpUrl, { jsonrpc: '2.0', id: i, method: 'chain_getFinalizedHead', params: [] });
          if (viaHttp.body.error) throw new Error(viaHttp.body.error.message);
          ok += 5;
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
    });

    await new Promise((r) => setTimeout(r, 1500));
    const per = subscriptionsPerUpstream();
    const followers = nodes.slice(1).map((n, i) => ({ node: n, name: `127.0.0.1:${n.rpcPort}#${i + 1}` }));
    const victim = followers.sort((a, b) => (per.get(b.name) ?? 0) - (per.get(a.name) ?? 0))[0]!;
    const onVictim = per.get(victim.name) ?? 0;
    expect(onVictim, JSON.stringify([...per])).toBeGreaterThan(0);
    const okBefore = ok;
    const killedAt = Number((await rpc<Header>(nodes[0]!, 'chain_getHeader')).number);
    await victim.node.kill('SIGKILL');
    await waitUsable(gw, 2);
    // Keep the load on while 10 more blocks arrive through the moved subscriptions.
    await waitFor('10 blocks after the kill on every stream', () => streams.every((s) => (s.numbers.at(-1) ?? 0) >= killedAt + 10), 30_000);
    stop = true;
    await Promise.all(readers);

    expect(failures, failures.slice(0, 5).join('\n')).toEqual([]);
    const followsOnVictim = gw.logs().split('\n').filter((l) => l.includes('"method":"chainHead_v1_follow"') && l.includes(`"upstream":"${victim.name}"`)).length;
    const stopped = follows.filter((f) => f.events().some((e) => e.event === 'stop'));
    expect(followsOnVictim).toBeGreaterThan(0);
    expect(stopped.length).toBe(followsOnVictim);
    for (const f of stopped) expect(f.events().at(-1)).toEqual({ event: 'stop' });
    for (const f of follows.filter((x) => !stopped.includes(x))) expect(f.events().filter((e) => e.event === 'newBlock').length).toBeGreaterThan(10);
    // A client that got `stop` follows again, on a live upstream.
    for (const f of stopped) {
      const again = await f.c.call<string>('chainHead_v1_follow', [false]);
      await f.c.waitFor<{ event: string }>(again, (e) => e.event === 'initialized', 10_000);
    }
    expect(ok - okBefore).toBeGreaterThan(50);
    expect(await metricSum(gw, 'gateway_subscription_moves_total')).toBeGreaterThanOrEqual(onVictim);

    const hashOf = new Map<number, string>();
    const authorHash = async (n: number) => {
      if (!hashOf.has(n)) hashOf.set(n, await rpc<string>(nodes[0]!, 'chain_getBlockHash', [n]));
      return hashOf.get(n)!;
    };
    for (const s of streams) {
      const first = s.numbers[0]!;
      const last = s.numbers.at(-1)!;
      // Every number from the first to the last, once each, in order.
      expect(s.numbers, `${s.kind}: ${s.numbers.join(',')}`).toEqual(Array.from({ length: last - first + 1 }, (_, k) => first + k));
      expect(first).toBeLessThan(killedAt);
      for (const h of s.headers) expect(h.parentHash, `${s.kind} #${Number(h.number)}`).toBe(await authorHash(Number(h.number) - 1));
    }
  });
});
