import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpPost, sleep, startServer, TestClient } from './test-utils.ts';
import type { RpcMethodTable, RpcServer } from './types.ts';

const methods: RpcMethodTable = {
  echo: (params) => params,
  big: (params) => 'x'.repeat(Number(params[0])),
};

let server: RpcServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const callFrame = (id: number, padding: number) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'echo', params: ['a'.repeat(padding)] });

describe('request size', () => {
  it('WS: oversized message gets -32007 and the connection stays usable', async () => {
    server = await startServer({ methods, limits: { maxRequestBytes: 1024 } });
    const c = await TestClient.connect(server.port);
    c.send(callFrame(1001, 2000));
    const err = await c.waitFor((m) => m.error !== undefined);
    expect(err).toEqual({
      jsonrpc: '2.0',
      error: { code: -32007, message: 'Request is too big', data: 'Exceeded max limit of 1024' },
      id: null,
    });
    expect((await c.call('echo', ['ok'])).result).toEqual(['ok']);
    await c.close();
  });

  it('WS: default 15 MiB limit; a message far above it closes only that socket (1009)', async () => {
    server = await startServer({ methods });
    const c = await TestClient.connect(server.port);
    c.send(callFrame(1001, 15 * 1024 * 1024 - 100)); // just under
    const under = await c.waitFor((m) => m.id === 1001, 20_000);
    expect(under.result[0].length).toBe(15 * 1024 * 1024 - 100);
    c.messages.length = 0;
    c.send(callFrame(1002, 15 * 1024 * 1024 + 1)); // just over
    expect((await c.waitFor((m) => m.error?.code === -32007, 20_000)).error.data).toBe(
      `Exceeded max limit of ${15 * 1024 * 1024}`,
    );
    expect((await c.call('echo', [1])).result).toEqual([1]);
    const code = new Promise<number>((resolve) => c.ws.once('close', (n) => resolve(n)));
    c.send(callFrame(1003, 31 * 1024 * 1024));
    expect(await code).toBe(1009);
    const d = await TestClient.connect(server.port);
    expect((await d.call('echo', [2])).result).toEqual([2]);
    await d.close();
  });

  it('HTTP: oversized body gets 413 with the jsonrpsee error (content-length and chunked)', async () => {
    server = await startServer({ methods, limits: { maxRequestBytes: 1024 } });
    const r = await httpPost(server.port, callFrame(1, 5000));
    expect(r.status).toBe(413);
    expect(r.json.error).toEqual({ code: -32007, message: 'Request is too big', data: 'Exceeded max limit of 1024' });

    const port = server.port;
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('[' + '1,'.repeat(700));
      req.end('1]');
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe(-32007);
    expect((await httpPost(server.port, callFrame(2, 10))).json.result).toEqual(['a'.repeat(10)]);
  });
});

describe('response size', () => {
  it('oversized response becomes -32008; oversized batch response -32011', async () => {
    server = await startServer({ methods, limits: { maxResponseBytes: 1000 } });
    const c = await TestClient.connect(server.port);
    expect((await c.call('big', [10])).result).toBe('x'.repeat(10));
    expect((await c.call('big', [2000])).error).toEqual({
      code: -32008,
      message: 'Response is too big',
      data: 'Exceeded max limit of 1000',
    });
    const batch = Array.from({ length: 4 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'big', params: [400] }));
    const r = await httpPost(server.port, JSON.stringify(batch));
    expect(r.json).toEqual({
      jsonrpc: '2.0',
      error: { code: -32011, message: 'The batch response was too large', data: 'Exceeded max limit of 1000' },
      id: null,
    });
    await c.close();
  });

  it('maxBatchLength gives -32010', async () => {
    server = await startServer({ methods, limits: { maxBatchLength: 2 } });
    const batch = Array.from({ length: 3 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'echo' }));
    const r = await httpPost(server.port, JSON.stringify(batch));
    expect(r.json.error).toEqual({ code: -32010, message: 'The batch request was too large', data: 'Exceeded max limit of 2' });
  });
});

describe('connections', () => {
  it('limits WS connections + HTTP requests; counts and frees them', async () => {
    server = await startServer({ methods, limits: { maxConnections: 2 } });
    const a = await TestClient.connect(server.port);
    const b = await TestClient.connect(server.port);
    expect(server.connectionCount).toBe(2);
    await expect(TestClient.connect(server.port)).rejects.toThrow(/429/);
    const r = await httpPost(server.port, callFrame(1, 1));
    expect(r.status).toBe(429);
    expect(r.text).toBe('Too many connections. Please try again later.');
    await a.close();
    for (let i = 0; i < 50 && server.connectionCount > 1; i++) await sleep(10);
    expect(server.connectionCount).toBe(1);
    expect((await httpPost(server.port, callFrame(1, 1))).status).toBe(200);
    const c = await TestClient.connect(server.port);
    expect((await c.call('echo', [])).result).toEqual([]);
    await b.close();
    await c.close();
  });

  it('close() resolves with clients still connected and frees the port', async () => {
    server = await startServer({ methods });
    const c = await TestClient.connect(server.port);
    await fetch(`http://127.0.0.1:${server.port}/health`); // leaves a keep-alive socket
    const port = server.port;
    await server.close();
    await c.waitClosed();
    server = undefined;
    // Nobody answers on the port any more, and it can be bound again at once.
    const refused = await new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve('connected'));
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    expect(refused).toBe('ECONNREFUSED');
    const again = createServer();
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise((resolve) => again.close(resolve));
  });

  it('default limits match Substrate', async () => {
    const { DEFAULT_RPC_LIMITS } = await import('./index.ts');
    expect(DEFAULT_RPC_LIMITS).toEqual({
      maxRequestBytes: 15 * 1024 * 1024,
      maxResponseBytes: 15 * 1024 * 1024,
      maxConnections: 100,
      maxSubscriptionsPerConnection: 1024,
    });
  });
});
