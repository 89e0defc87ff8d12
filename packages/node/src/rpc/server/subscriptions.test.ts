import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from './index.ts';
import { httpPost, sleep, startServer, TestClient } from './test-utils.ts';
import type { RpcMethodTable, RpcServer, SubscriptionSink } from './types.ts';

interface Harness {
  server: RpcServer;
  sinks: SubscriptionSink[];
  cleanups: string[];
}

function makeTable(h: { sinks: SubscriptionSink[]; cleanups: string[] }): RpcMethodTable {
  return {
    chain_subscribeNewHeads: {
      notification: 'chain_newHead',
      unsubscribe: ['chain_unsubscribeNewHeads', 'chain_unsubscribeNewHead'],
      start: (params, sink) => {
        h.sinks.push(sink);
        // emitted synchronously, before the id could have been sent
        sink.next({ number: '0x0', params });
        sink.next({ number: '0x1' });
        return () => h.cleanups.push(sink.id);
      },
    },
    async_subscribe: {
      notification: 'async_notification',
      unsubscribe: ['async_unsubscribe'],
      start: async (_params, sink) => {
        sink.next('early');
        await sleep(10);
        sink.next('later');
        h.sinks.push(sink);
        return () => h.cleanups.push(sink.id);
      },
    },
    failing_subscribe: {
      notification: 'never',
      unsubscribe: ['failing_unsubscribe'],
      start: () => {
        throw new RpcError(-32602, 'Invalid params', 'bad key');
      },
    },
    ending_subscribe: {
      notification: 'ending_notification',
      unsubscribe: ['ending_unsubscribe'],
      start: (_p, sink) => {
        sink.next(1);
        sink.error(new RpcError(-32800, 'Gone'));
        return () => h.cleanups.push(`ended:${sink.id}`);
      },
    },
    other_subscribe: {
      notification: 'other_notification',
      unsubscribe: ['other_unsubscribe'],
      start: (_p, sink) => () => h.cleanups.push(`other:${sink.id}`),
    },
  };
}

let h: Harness | undefined;
async function setup(limits?: { maxSubscriptionsPerConnection: number }): Promise<Harness> {
  const sinks: SubscriptionSink[] = [];
  const cleanups: string[] = [];
  const server = await startServer({ methods: makeTable({ sinks, cleanups }), ...(limits ? { limits } : {}) });
  h = { server, sinks, cleanups };
  return h;
}
afterEach(async () => {
  await h?.server.close();
  h = undefined;
});

describe('subscriptions', () => {
  it('sends the id before notifications emitted synchronously by start()', async () => {
    const { server } = await setup();
    const c = await TestClient.connect(server.port);
    c.send({ jsonrpc: '2.0', id: 1, method: 'chain_subscribeNewHeads', params: ['p'] });
    await c.waitForCount(3);
    const [first, second, third] = c.messages;
    expect(first.id).toBe(1);
    expect(first.result).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(second).toEqual({
      jsonrpc: '2.0',
      method: 'chain_newHead',
      params: { subscription: first.result, result: { number: '0x0', params: ['p'] } },
    });
    expect(third.params.result).toEqual({ number: '0x1' });
    await c.close();
  });

  it('also orders async start() and subscriptions inside a batch', async () => {
    const { server, sinks } = await setup();
    const c = await TestClient.connect(server.port);
    c.send([
      { jsonrpc: '2.0', id: 1, method: 'async_subscribe' },
      { jsonrpc: '2.0', id: 2, method: 'chain_subscribeNewHeads' },
    ]);
    await c.waitForCount(5);
    expect(Array.isArray(c.messages[0])).toBe(true);
    const ids = c.messages[0].map((r: { result: string }) => r.result);
    expect(new Set(ids).size).toBe(2);
    const notifs = c.messages.slice(1);
    expect(notifs.filter((n) => n.method === 'async_notification').map((n) => n.params.result)).toEqual(['early', 'later']);
    expect(notifs.filter((n) => n.method === 'chain_newHead')).toHaveLength(2);
    // after the response, notifications flow directly
    sinks.find((s) => s.id === ids[0])?.next('third');
    await c.waitFor((m) => m.params?.result === 'third');
    await c.close();
  });

  it('unsubscribe returns true once, false for unknown ids or the wrong unsubscribe method', async () => {
    const { server, sinks, cleanups } = await setup();
    const c = await TestClient.connect(server.port);
    const id = (await c.call('chain_subscribeNewHeads')).result as string;
    const other = (await c.call('other_subscribe')).result as string;
    expect((await c.call('other_unsubscribe', [id])).result).toBe(false);
    expect((await c.call('chain_unsubscribeNewHead', [id])).result).toBe(true);
    expect(cleanups).toEqual([id]);
    expect(sinks[0]?.closed).toBe(true);
    expect((await c.call('chain_unsubscribeNewHeads', [id])).result).toBe(false);
    expect((await c.call('chain_unsubscribeNewHeads', ['nope'])).result).toBe(false);
    expect((await c.call('chain_unsubscribeNewHeads', [])).result).toBe(false);
    expect((await c.call('chain_unsubscribeNewHeads', [42])).result).toBe(false);
    // no notifications after unsubscribe
    const count = c.messages.length;
    sinks[0]?.next('ignored');
    await c.call('other_unsubscribe', [other]);
    expect(c.messages.length).toBe(count + 1);
    await c.close();
  });

  it('another connection cannot unsubscribe my subscription', async () => {
    const { server } = await setup();
    const a = await TestClient.connect(server.port);
    const b = await TestClient.connect(server.port);
    const id = (await a.call('chain_subscribeNewHeads')).result;
    expect((await b.call('chain_unsubscribeNewHeads', [id])).result).toBe(false);
    expect((await a.call('chain_unsubscribeNewHeads', [id])).result).toBe(true);
    await a.close();
    await b.close();
  });

  it('closing the socket runs every cleanup', async () => {
    const { server, cleanups } = await setup();
    const c = await TestClient.connect(server.port);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await c.call('chain_subscribeNewHeads')).result);
    ids.push((await c.call('async_subscribe')).result);
    expect(cleanups).toEqual([]);
    await c.close();
    for (let i = 0; i < 100 && cleanups.length < 6; i++) await sleep(10);
    expect([...cleanups].sort()).toEqual([...ids].sort());
    expect(server.connectionCount).toBe(0);
  });

  it('cleanup runs even when the socket closes while an async start() is pending', async () => {
    const { server, cleanups } = await setup();
    const c = await TestClient.connect(server.port);
    c.send({ jsonrpc: '2.0', id: 1, method: 'async_subscribe' });
    await sleep(2);
    await c.close();
    for (let i = 0; i < 100 && cleanups.length < 1; i++) await sleep(10);
    expect(cleanups).toHaveLength(1);
  });

  it('start() errors become the call error; sink.error sends an error notification and ends', async () => {
    const { server, cleanups } = await setup();
    const c = await TestClient.connect(server.port);
    const f = await c.call('failing_subscribe');
    expect(f.error).toEqual({ code: -32602, message: 'Invalid params', data: 'bad key' });
    const e = await c.call('ending_subscribe');
    await c.waitForCount(4);
    expect(c.messages[2]).toEqual({
      jsonrpc: '2.0',
      method: 'ending_notification',
      params: { subscription: e.result, result: 1 },
    });
    expect(c.messages[3]).toEqual({
      jsonrpc: '2.0',
      method: 'ending_notification',
      params: { subscription: e.result, error: { code: -32800, message: 'Gone' } },
    });
    expect(cleanups).toEqual([`ended:${e.result}`]);
    expect((await c.call('ending_unsubscribe', [e.result])).result).toBe(false);
    await c.close();
  });

  it('enforces max subscriptions per connection with jsonrpsee error -32006', async () => {
    const { server } = await setup({ maxSubscriptionsPerConnection: 3 });
    const c = await TestClient.connect(server.port);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await c.call('other_subscribe')).result);
    const over = await c.call('other_subscribe');
    expect(over.error).toEqual({
      code: -32006,
      message: 'Too many subscriptions on the connection',
      data: 'Exceeded max limit of 3',
    });
    // limit is per connection, and freed by unsubscribe
    const d = await TestClient.connect(server.port);
    expect(typeof (await d.call('other_subscribe')).result).toBe('string');
    expect((await c.call('other_unsubscribe', [ids[0]])).result).toBe(true);
    expect(typeof (await c.call('other_subscribe')).result).toBe('string');
    await c.close();
    await d.close();
  });

  it('default limit is 1024 subscriptions per connection', async () => {
    const { server } = await setup();
    const c = await TestClient.connect(server.port);
    const batch = Array.from({ length: 1025 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'other_subscribe' }));
    c.send(batch);
    const resp = await c.waitFor((m) => Array.isArray(m));
    expect(resp.filter((r: { result?: string }) => typeof r.result === 'string')).toHaveLength(1024);
    expect(resp.filter((r: { error?: { code: number } }) => r.error?.code === -32006)).toHaveLength(1);
    await c.close();
  });

  it('subscribing over HTTP is -32603 Internal error, as in jsonrpsee', async () => {
    const { server, sinks } = await setup();
    const r = await httpPost(server.port, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chain_subscribeNewHeads' }));
    expect(r.json).toEqual({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: 1 });
    const u = await httpPost(server.port, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'chain_unsubscribeNewHeads', params: ['x'] }));
    expect(u.json.error.code).toBe(-32603);
    expect(sinks).toHaveLength(0);
  });

  it('server.close() runs cleanups of live subscriptions', async () => {
    const { server, cleanups } = await setup();
    const c = await TestClient.connect(server.port);
    const id = (await c.call('other_subscribe')).result;
    await server.close();
    expect(cleanups).toEqual([`other:${id}`]);
    await c.waitClosed();
  });
});
