import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError, rpcMethodsResult } from './index.ts';
import { httpPost, startServer, TestClient, type Json } from './test-utils.ts';
import type { RpcCallContext, RpcMethodTable, RpcServer } from './types.ts';

const calls: { method: string; seconds: number; isError: boolean }[] = [];
const started: string[] = [];
const notified: unknown[][] = [];

const methods: RpcMethodTable = {
  echo: (params) => params,
  add: (params) => {
    const [a, b] = params;
    if (typeof a !== 'number' || typeof b !== 'number') throw new RpcError(-32602, 'Invalid params', 'expected numbers');
    return a + b;
  },
  ctx: (_p, ctx: RpcCallContext) => ctx,
  asyncValue: async () => {
    await new Promise((r) => setTimeout(r, 5));
    return { ok: true };
  },
  nothing: () => undefined,
  custom: () => {
    throw new RpcError(1010, 'Invalid Transaction', 'Inability to pay some fees');
  },
  boom: () => {
    throw new Error('secret internal detail');
  },
  bigint: () => 1n,
  note: (params) => {
    notified.push(params);
  },
  sub: {
    notification: 'test_notification',
    unsubscribe: ['test_unsub'],
    start: () => () => {},
  },
};

let server: RpcServer;
let client: TestClient;

beforeAll(async () => {
  server = await startServer({
    methods: { ...methods, rpc_methods: () => rpcMethodsResult(methods) },
    metrics: {
      onCallStarted: (m) => started.push(m),
      onCallFinished: (method, seconds, isError) => calls.push({ method, seconds, isError }),
    },
    health: () => ({ isSyncing: false, peers: 3, shouldHavePeers: true }),
  });
  client = await TestClient.connect(server.port);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('plain calls', () => {
  it('answers over WS', async () => {
    expect(await client.call('echo', [1, 'a', null])).toEqual({ jsonrpc: '2.0', id: 1, result: [1, 'a', null] });
    expect((await client.call('add', [2, 3])).result).toBe(5);
    expect((await client.call('asyncValue')).result).toEqual({ ok: true });
    expect((await client.call('nothing')).result).toBeNull();
    const ctx = (await client.call('ctx')).result;
    expect(ctx.transport).toBe('ws');
    expect(typeof ctx.connectionId).toBe('number');
  });

  it('answers over HTTP', async () => {
    const r = await httpPost(server.port, JSON.stringify({ jsonrpc: '2.0', id: 'x', method: 'add', params: [1, 2] }));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.json).toEqual({ jsonrpc: '2.0', result: 3, id: 'x' });
    const ctx = await httpPost(server.port, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ctx' }));
    expect(ctx.json.result.transport).toBe('http');
  });

  it('keeps string, null and large numeric ids verbatim; missing params = []', async () => {
    client.send({ jsonrpc: '2.0', id: null, method: 'echo' });
    expect(await client.waitFor((m) => m.id === null && Array.isArray(m.result))).toEqual({
      jsonrpc: '2.0',
      result: [],
      id: null,
    });
    expect((await client.call('echo', [])).result).toEqual([]);
    client.send({ jsonrpc: '2.0', id: 9007199254740991, method: 'echo', params: [7] });
    expect((await client.waitFor((m) => m.id === 9007199254740991)).result).toEqual([7]);
  });

  it('lists methods for rpc_methods', async () => {
    const r = await client.call('rpc_methods');
    expect(r.result.version).toBe(1);
    expect(r.result.methods).toEqual([...r.result.methods].sort());
    expect(r.result.methods).toContain('sub');
    expect(r.result.methods).toContain('test_unsub');
    expect(r.result.methods).not.toContain('rpc_methods'); // not in the table passed to the helper
  });

  it('feeds metrics hooks: one start and one finish per call, with its outcome', async () => {
    const [s0, c0] = [started.length, calls.length];
    await client.call('custom');
    await client.call('add', [1, 2]);
    expect(started.slice(s0)).toEqual(['custom', 'add']);
    expect(calls.slice(c0).map((c) => [c.method, c.isError])).toEqual([
      ['custom', true],
      ['add', false],
    ]);
    for (const c of calls.slice(c0)) expect(Number.isFinite(c.seconds) && c.seconds >= 0, `seconds of ${c.method}: ${c.seconds}`).toBe(true);
  });
});

describe('errors', () => {
  const expectError = (m: Json, code: number, message: string, id: unknown = m.id) => {
    expect(m.jsonrpc).toBe('2.0');
    expect(m.id).toEqual(id);
    expect(m.error.code).toBe(code);
    expect(m.error.message).toBe(message);
    expect(m.result).toBeUndefined();
  };

  it('-32700 parse error', async () => {
    client.send('{"jsonrpc":"2.0","id":1,');
    expectError(await client.waitFor((m) => m.error?.code === -32700), -32700, 'Parse error', null);
    const r = await httpPost(server.port, 'not json');
    expect(r.status).toBe(200);
    expectError(r.json, -32700, 'Parse error', null);
  });

  it('-32600 invalid request', async () => {
    client.send({ jsonrpc: '1.0', id: 77, method: 'echo' });
    expectError(await client.waitFor((m) => m.id === 77), -32600, 'Invalid request', 77);
    client.send({ jsonrpc: '2.0', id: 78, method: 5 });
    expectError(await client.waitFor((m) => m.id === 78), -32600, 'Invalid request', 78);
    client.send({ jsonrpc: '2.0', id: 79, method: 'echo', params: 'str' });
    expectError(await client.waitFor((m) => m.id === 79), -32600, 'Invalid request', 79);
    const r = await httpPost(server.port, JSON.stringify({ jsonrpc: '2.0', id: { bad: 1 }, method: 'echo' }));
    expectError(r.json, -32600, 'Invalid request', null);
    const r2 = await httpPost(server.port, '42');
    expectError(r2.json, -32600, 'Invalid request', null);
  });

  it('-32601 method not found (also for Object.prototype names)', async () => {
    expectError(await client.call('nope'), -32601, 'Method not found');
    expectError(await client.call('toString'), -32601, 'Method not found');
    expectError(await client.call('__proto__'), -32601, 'Method not found');
  });

  it('-32602 invalid params from RpcError and for by-name params', async () => {
    const m = await client.call('add', ['x']);
    expectError(m, -32602, 'Invalid params');
    expect(m.error.data).toBe('expected numbers');
    client.send({ jsonrpc: '2.0', id: 80, method: 'echo', params: { a: 1 } });
    expectError(await client.waitFor((x) => x.id === 80), -32602, 'Invalid params', 80);
  });

  it('-32603 internal error hides the thrown message', async () => {
    const m = await client.call('boom');
    expectError(m, -32603, 'Internal error');
    expect(JSON.stringify(m)).not.toContain('secret');
    expectError(await client.call('bigint'), -32603, 'Internal error');
  });

  it('custom RpcError code, message and data pass through', async () => {
    const m = await client.call('custom');
    expect(m.error).toEqual({ code: 1010, message: 'Invalid Transaction', data: 'Inability to pay some fees' });
  });
});

describe('batches and notifications', () => {
  it('answers a mixed batch in order, skipping notifications', async () => {
    const batch = [
      { jsonrpc: '2.0', id: 101, method: 'add', params: [1, 1] },
      { jsonrpc: '2.0', method: 'note', params: ['from-batch'] },
      { jsonrpc: '2.0', id: 102, method: 'nope' },
      1,
      { jsonrpc: '2.0', id: 103, method: 'asyncValue' },
    ];
    client.send(batch);
    const resp = await client.waitFor((m) => Array.isArray(m) && m[0]?.id === 101);
    expect(resp).toEqual([
      { jsonrpc: '2.0', result: 2, id: 101 },
      { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: 102 },
      { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: null },
      { jsonrpc: '2.0', result: { ok: true }, id: 103 },
    ]);
    expect(notified).toContainEqual(['from-batch']);
    const http = await httpPost(server.port, JSON.stringify(batch));
    expect(http.json).toEqual(resp);
  });

  it('empty batch is -32600 (single object)', async () => {
    const r = await httpPost(server.port, '[]');
    expect(r.json).toEqual({ jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: null });
    client.send('[]');
    await client.waitFor((m) => !Array.isArray(m) && m.id === null && m.error?.code === -32600);
  });

  it('notifications and notification-only batches get no response', async () => {
    const before = client.messages.length;
    client.send({ jsonrpc: '2.0', method: 'note', params: ['single'] });
    client.send([{ jsonrpc: '2.0', method: 'note', params: ['b1'] }, { jsonrpc: '2.0', method: 'nope' }]);
    client.send({ jsonrpc: '2.0', method: 'boom' });
    const m = await client.call('echo', ['marker']);
    expect(m.result).toEqual(['marker']);
    expect(client.messages.length).toBe(before + 1);
    expect(notified).toContainEqual(['single']);
    const r = await httpPost(server.port, JSON.stringify({ jsonrpc: '2.0', method: 'note', params: ['http'] }));
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
  });
});

describe('HTTP specifics', () => {
  it('GET /health returns Substrate health; other GETs 405; readiness 200', async () => {
    const h = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ isSyncing: false, peers: 3, shouldHavePeers: true });
    expect((await fetch(`http://127.0.0.1:${server.port}/health/readiness`)).status).toBe(200);
    const g = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(g.status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(405);
  });

  it('POST without JSON content type is 415', async () => {
    const r = await httpPost(server.port, '{}', { 'content-type': 'text/plain' });
    expect(r.status).toBe(415);
  });

  it('default CORS allows localhost origins only', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'echo' });
    const ok = await httpPost(server.port, body, { origin: 'http://localhost:3000' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const apps = await httpPost(server.port, body, { origin: 'https://polkadot.js.org' });
    expect(apps.headers.get('access-control-allow-origin')).toBe('https://polkadot.js.org');
    const bad = await httpPost(server.port, body, { origin: 'https://evil.example' });
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`http://127.0.0.1:${server.port}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:8080', 'access-control-request-method': 'POST' },
    });
    expect(pre.status).toBe(200);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');
    // WS from a disallowed browser origin is refused, allowed ones connect.
    await expect(TestClient.connect(server.port, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const c = await TestClient.connect(server.port, { origin: 'http://localhost:1234' });
    await c.close();
  });

  it('--rpc-cors all and explicit lists', async () => {
    const all = await startServer({ methods, cors: 'all' });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'echo' });
    const r = await httpPost(all.port, body, { origin: 'https://anything.example' });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    await all.close();
    const list = await startServer({ methods, cors: ['https://app.example'] });
    expect((await httpPost(list.port, body, { origin: 'https://app.example' })).headers.get('access-control-allow-origin')).toBe(
      'https://app.example',
    );
    expect((await httpPost(list.port, body, { origin: 'http://localhost:1' })).headers.get('access-control-allow-origin')).toBeNull();
    await list.close();
  });
});
