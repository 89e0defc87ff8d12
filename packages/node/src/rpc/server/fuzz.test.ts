import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '@dinfra/runtime/testing';
import { startServer, TestClient, type Json } from './test-utils.ts';
import type { RpcMethodTable, RpcServer } from './types.ts';


const methods: RpcMethodTable = {
  echo: (params) => params,
  throws: () => {
    throw new Error('x');
  },
  sub: { notification: 'sub_n', unsubscribe: ['unsub'], start: () => () => {} },
};

const rand = prng(0xd1f7a);
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;

function randomString(): string {
  const alphabet = ['a', 'Z', '0', '"', '\\', '{', '}', '[', ']', ':', ',', ' ', '\n', 'é', '😀', '\u0000', '\u2028'];
  return Array.from({ length: int(12) }, () => pick(alphabet)).join('');
}

function randomJson(depth: number): unknown {
  const kind = int(depth > 3 ? 6 : 8);
  switch (kind) {
    case 0: return null;
    case 1: return rand() < 0.5;
    case 2: return pick([0, -1, 1.5, 1e308, -0, 2 ** 53, 123456789012345678901234567890]);
    case 3: return randomString();
    case 4: return pick(['echo', 'sub', 'unsub', 'throws', 'nope', '__proto__', 'constructor', 'toString', '']);
    case 5: return pick(['2.0', '1.0', '2', 2]);
    case 6: return Array.from({ length: int(4) }, () => randomJson(depth + 1));
    default: return randomObject(depth + 1);
  }
}

function randomObject(depth: number): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const keys = ['jsonrpc', 'id', 'method', 'params', 'result', 'error', '__proto__', 'x'];
  for (const k of keys) if (rand() < 0.5) obj[k] = randomJson(depth);
  return obj;
}

/** Mostly-valid request with one or two fields mutated. */
function nearRequest(): Record<string, unknown> {
  const req: Record<string, unknown> = { jsonrpc: '2.0', id: int(1000), method: pick(['echo', 'nope', 'throws', 'sub', 'unsub']), params: [] };
  const mutations = 1 + int(2);
  for (let i = 0; i < mutations; i++) {
    const key = pick(['jsonrpc', 'id', 'method', 'params']);
    if (rand() < 0.3) delete req[key];
    else req[key] = randomJson(2);
  }
  return req;
}

type Frame = { data: string | Buffer; binary: boolean };

function randomFrame(): Frame {
  switch (int(7)) {
    case 0: {
      const bytes = Buffer.alloc(int(64));
      for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
      return { data: bytes, binary: true };
    }
    case 1: return { data: randomString(), binary: false };
    case 2: {
      const text = JSON.stringify(nearRequest());
      return { data: text.slice(0, int(text.length + 1)), binary: false }; // truncated JSON
    }
    case 3: return { data: JSON.stringify(randomJson(0)), binary: false };
    case 4: return { data: JSON.stringify(Array.from({ length: int(5) }, () => (rand() < 0.7 ? nearRequest() : randomJson(1)))), binary: false };
    case 5: return { data: JSON.stringify(nearRequest()), binary: rand() < 0.2 };
    default: return { data: JSON.stringify(randomObject(0)), binary: false };
  }
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Independent oracle: a valid JSON-RPC 2.0 notification (never answered). */
function isNotification(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const p = o['params'];
  return o['jsonrpc'] === '2.0' && typeof o['method'] === 'string' && !hasOwn(o, 'id') && (p === undefined || typeof p === 'object');
}

function expectsResponse(text: string): boolean {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return true;
  }
  if (Array.isArray(v)) return v.length === 0 || !v.every(isNotification);
  return !isNotification(v);
}

function isValidResponse(m: Json): boolean {
  if (typeof m !== 'object' || m === null || Array.isArray(m) || m.jsonrpc !== '2.0' || !hasOwn(m, 'id')) return false;
  if (hasOwn(m, 'result') === hasOwn(m, 'error')) return false;
  if (hasOwn(m, 'error')) return Number.isInteger(m.error.code) && typeof m.error.message === 'string';
  return true;
}

let server: RpcServer;
beforeAll(async () => {
  server = await startServer({ methods });
});
afterAll(async () => {
  await server.close();
});

describe('malformed frames fuzz', () => {
  it('answers every non-notification frame with one well-formed response and stays up', async () => {
    const client = await TestClient.connect(server.port);
    const N = 3000;
    let answered = 0;
    let silent = 0;
    for (let i = 0; i < N; i++) {
      const frame = randomFrame();
      const text = Buffer.isBuffer(frame.data) ? frame.data.toString('utf8') : frame.data;
      const before = client.messages.length;
      client.ws.send(frame.data, { binary: frame.binary });
      if (expectsResponse(text)) {
        await client.waitForCount(before + 1, 2000).catch(() => {
          throw new Error(`no response to frame #${i}: ${JSON.stringify(text).slice(0, 300)}`);
        });
        answered++;
      } else {
        const marker = `marker-${i}`;
        client.send({ jsonrpc: '2.0', id: marker, method: 'echo', params: [] });
        await client.waitFor((m) => m?.id === marker, 2000);
        silent++;
      }
      const got = client.messages.slice(before);
      const extra = got.filter((m) => !(m?.id ?? '').toString().startsWith('marker-'));
      expect(extra.length, `frame #${i}: ${JSON.stringify(text).slice(0, 200)}`).toBe(expectsResponse(text) ? 1 : 0);
      for (const m of extra) {
        if (Array.isArray(m)) {
          expect(m.length).toBeGreaterThan(0);
          for (const r of m) expect(isValidResponse(r), JSON.stringify(r)).toBe(true);
        } else {
          expect(isValidResponse(m), JSON.stringify(m)).toBe(true);
        }
      }
    }
    expect(answered + silent).toBe(N);
    expect(silent).toBeGreaterThan(10);
    // no stray late responses
    const count = client.messages.length;
    expect((await client.call('echo', ['still-alive'])).result).toEqual(['still-alive']);
    expect(client.messages.length).toBe(count + 1);
    expect(client.closed).toBe(false);
    await client.close();

    const fresh = await TestClient.connect(server.port);
    expect((await fresh.call('echo', [1])).result).toEqual([1]);
    await fresh.close();
  });

  it('survives pathological JSON (deep nesting, huge batches of junk, prototype keys)', async () => {
    const client = await TestClient.connect(server.port);
    client.send('['.repeat(100_000) + ']'.repeat(100_000));
    await client.waitForCount(1);
    client.send(JSON.stringify(Array.from({ length: 5000 }, (_, i) => i)));
    await client.waitForCount(2);
    expect(client.messages[1]).toHaveLength(5000);
    client.send('{"jsonrpc":"2.0","id":901,"method":"__proto__","__proto__":{"x":1}}');
    await client.waitForCount(3);
    expect(client.messages[2].error.code).toBe(-32601);
    client.send('{"jsonrpc":"2.0","id":902,"method":"echo","params":{"__proto__":[1]}}');
    await client.waitForCount(4);
    expect(client.messages[3].error.code).toBe(-32602);
    expect((await client.call('echo', ['ok'])).result).toEqual(['ok']);
    await client.close();
  });
});
