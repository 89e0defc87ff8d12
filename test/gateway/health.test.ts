// Health from the upstreams' own answers: a stale upstream (a follower cut off from its author)
// leaves the rotation within 2 probes and its subscriptions move without losing a head; it comes
// back once it has caught up; an upstream on another chain never joins; /health fails when no
// upstream is usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc, startNode, type RunningNode } from '../support/node-process.ts';
import { RawWs, waitFor } from '../support/chain-helpers.ts';
import { health, metricSum, post, startCluster, startGateway, waitUsable, type RunningGateway } from './gateway-support.ts';
import { TcpProxy } from './tcp-proxy.ts';

const SYSTEM_NUMBER = '0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac';

interface Header {
  number: string;
  parentHash: string;
}
let nodes: RunningNode[];
let author: RunningNode;
let cutOff: RunningNode;
let other: RunningNode;
let devNode: RunningNode;
let proxy: TcpProxy;
let gw: RunningGateway;
const sockets: RawWs[] = [];
const name = (n: RunningNode, i: number) => `127.0.0.1:${n.rpcPort}#${i}`;

beforeAll(async () => {
  const cluster = await startCluster(1, 200);
  author = cluster[0]!;
  other = cluster[1]!;
  proxy = new TcpProxy(author.rpcPort);
  await proxy.start();
  [cutOff, devNode] = await Promise.all([startNode(['--chain', 'local', '--charlie', '--tmp', '--sync-from', `ws://127.0.0.1:${proxy.port}`]), startNode(['--dev'])]);
  nodes = [author, cutOff, other, devNode];
  gw = await startGateway([...nodes.flatMap((n) => ['--upstream', n.wsUrl]), '--health-interval', '500', '--json-logs']);
  await waitUsable(gw, 3);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  proxy?.cut();
  await gw?.kill();
  await Promise.all((nodes ?? []).map((n) => n?.kill()));
});

describe('upstream health', () => {
  it('keeps an upstream on another chain out of the rotation, saying why', async () => {
    const h = await health(gw);
    const dev = h.body.upstreams.find((u) => u.name === name(devNode, 3))!;
    expect(dev.usable).toBe(false);
    expect(dev.reasons.join('; ')).toMatch(/chain "Development" is not "Local Testnet"/);
    expect(h.body.upstreams.filter((u) => u.usable).map((u) => u.name).sort()).toEqual([name(author, 0), name(cutOff, 1), name(other, 2)].sort());
  });

  it('drops a stale upstream within 2 probes, moves its subscriptions without losing a head, and takes it back once caught up', async () => {
    const streams: Array<{ numbers: number[]; headers: Header[] }> = [];
    for (let i = 0; i < 6; i++) {
      const ws = await RawWs.connect(gw.wsUrl);
      sockets.push(ws);
      const s = { numbers: [] as number[], headers: [] as Header[] };
      streams.push(s);
      await ws.subscribe('chain_subscribeNewHeads', [], (h) => {
        s.headers.push(h as Header);
        s.numbers.push(Number((h as Header).number));
      });
    }
    // System.Number through state_subscribeStorage: one change per block, so a lost change shows.
    const storage: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const ws = await RawWs.connect(gw.wsUrl);
      sockets.push(ws);
      const values: number[] = [];
      storage.push(values);
      await ws.subscribe('state_subscribeStorage', [[SYSTEM_NUMBER]], (r) => {
        for (const [, v] of (r as { changes: Array<[string, string]> }).changes) values.push(Buffer.from(v.slice(2), 'hex').readUInt32LE(0));
      });
    }
    // Access logs are written in buffered chunks (flushed every 200 ms): wait for them.
    const countOnCutOff = () => gw.logs().split('\n').filter((l) => l.includes('"method":"chain_subscribeNewHeads"') && l.includes(`"upstream":"${name(cutOff, 1)}"`)).length;
    for (let waited = 0; countOnCutOff() === 0 && waited < 5000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    const onCutOff = countOnCutOff();
    expect(onCutOff).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 600));

    const probesAtCut = (await health(gw)).body.upstreams.find((u) => u.name === name(cutOff, 1))!.probes;
    proxy.cut();
    const cutAt = Number((await rpc<Header>(author, 'chain_getHeader')).number);
    const out = await waitFor('the cut-off follower to leave the rotation', async () => {
      const u = (await health(gw)).body.upstreams.find((x) => x.name === name(cutOff, 1))!;
      return u.usable ? undefined : u;
    }, 20_000, 20);
    // Within 2 probes of the cut; a probe already in flight when the cut happens (it may still
    // see the last block arrive) is not one of them.
    expect(out.probes - probesAtCut, out.reasons.join('; ')).toBeLessThanOrEqual(3);
    expect(out.reasons.join('; ')).toMatch(/not advancing|behind/);
    expect((await health(gw)).status).toBe(200);

    await waitFor('10 more heads on every subscription', () => streams.every((s) => (s.numbers.at(-1) ?? 0) >= cutAt + 10), 30_000);
    for (const s of streams) {
      const first = s.numbers[0]!;
      expect(s.numbers, s.numbers.join(',')).toEqual(Array.from({ length: s.numbers.length }, (_, k) => first + k));
      for (const h of s.headers) expect(h.parentHash).toBe(await rpc(author, 'chain_getBlockHash', [Number(h.number) - 1]));
    }
    await waitFor('10 more blocks in every storage subscription', () => storage.every((v) => (v.at(-1) ?? 0) >= cutAt + 10), 30_000);
    for (const v of storage) expect(v, v.join(',')).toEqual(Array.from({ length: v.length }, (_, k) => v[0]! + k));
    const storageOnCutOff = gw.logs().split('\n').filter((l) => l.includes('"method":"state_subscribeStorage"') && l.includes(`"upstream":"${name(cutOff, 1)}"`)).length;
    expect(storageOnCutOff).toBeGreaterThan(0);
    expect(await metricSum(gw, 'gateway_subscription_moves_total')).toBeGreaterThanOrEqual(onCutOff + storageOnCutOff);
    expect(await metricSum(gw, 'gateway_gap_heads_total')).toBeGreaterThan(0);

    // Reconnected, it catches up and rejoins.
    await proxy.start(proxy.port);
    await waitUsable(gw, 3, 30_000);
  });

  it('answers /health 503 and a clear JSON-RPC error once no upstream is usable', async () => {
    await Promise.all([author, cutOff, other].map((n) => n.kill()));
    await waitFor('no usable upstream', async () => (await health(gw)).status === 503, 10_000);
    const h = await health(gw);
    expect(h.body).toMatchObject({ status: 'unavailable', usable: 0 });
    const r = await post(gw.httpUrl, { jsonrpc: '2.0', id: 7, method: 'system_chain', params: [] });
    expect(r.body).toEqual({ jsonrpc: '2.0', id: 7, error: { code: -32603, message: 'no healthy upstream is available; retry later' } });
  });
});
