import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer } from './test-utils.ts';
import type { RpcServer } from './types.ts';

let server: RpcServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a client that does not read', () => {
  it('is disconnected once its send buffer passes the limit, and the server keeps serving others', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    let stopped = false;
    server = await startServer({
      limits: { maxBufferedBytes: 2 * 1024 * 1024 },
      methods: {
        firehose_subscribe: {
          notification: 'firehose_event',
          unsubscribe: ['firehose_unsubscribe'],
          start: (_params, sink) => {
            const timer = setInterval(() => {
              for (let i = 0; i < 16 && !sink.closed; i++) {
                sink.next(chunk);
                sent++;
              }
            }, 1);
            return () => {
              stopped = true;
              clearInterval(timer);
            };
          },
        },
        ping: () => 'pong',
      },
    });
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}`);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'firehose_subscribe', params: [] }));
    // Stop reading: the kernel buffers fill, then the server's send buffer grows.
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const deadline = Date.now() + 20_000;
    while (!stopped && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(true); // the subscription was cleaned up: the connection is gone
    expect(sent).toBeGreaterThan(2 * 1024 * 1024 / chunk.length);
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await closed;
    const other = new WebSocket(`ws://127.0.0.1:${server.port}`);
    await new Promise((r) => other.once('open', r));
    const reply = new Promise<string>((resolve) => other.once('message', (d) => resolve(String(d))));
    other.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping', params: [] }));
    expect(JSON.parse(await reply).result).toBe('pong');
    other.close();
  });
});
