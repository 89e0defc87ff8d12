// Protection: allow-list, rate limits per IP and per API key, batch and size limits, connection
// limits; every refusal is a JSON-RPC error (or HTTP status) with a message naming the setting.
// Plus the observability an operator reads: metrics per method and upstream, JSON access logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../support/node-process.ts';
import { RawWs } from '../support/chain-helpers.ts';
import { configFile, post, startGateway, waitUsable, type RunningGateway } from './gateway-support.ts';

const KEY = 'key-for-tests-0001';
let node: RunningNode;
let strict: RunningGateway;
let limits: RunningGateway;
const sockets: RawWs[] = [];

beforeAll(async () => {
  node = await startNode(['--dev']);
  const strictConfig = configFile('strict.yaml', [
    `upstreams: [${node.wsUrl}]`,
    'limits:',
    '  rateLimit:',
    '    perIp: { requestsPerSecond: 2, burst: 5 }',
    '    perKey: { requestsPerSecond: 1000, burst: 1000 }',
    `  apiKeys: [${KEY}]`,
  ].join('\n'));
  const limitsConfig = configFile('limits.json', JSON.stringify({
    upstreams: [node.wsUrl],
    methods: { extraAllow: ['system_peers'], deny: ['system_name'] },
    limits: { maxBatch: 3, maxRequestBytes: 4096, maxConnectionsPerIp: 3 },
  }));
  [strict, limits] = await Promise.all([startGateway(['--config', strictConfig, '--health-interval', '300']), startGateway(['--config', limitsConfig, '--health-interval', '300', '--json-logs'])]);
  await Promise.all([waitUsable(strict, 1), waitUsable(limits, 1)]);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([strict?.kill(), limits?.kill(), node?.kill()]);
});

const call = (url: string, method: string, params: unknown[] = [], id = 1) => post(url, { jsonrpc: '2.0', id, method, params });

describe('allow-list', () => {
  it('refuses state_getKeys with -32601 naming the allow-list and how to change it, over HTTP and WebSocket', async () => {
    const http = await call(limits.httpUrl, 'state_getKeys', ['0x']);
    expect(http.body.error.code).toBe(-32601);
    expect(http.body.error.message).toMatch(/state_getKeys is not on this gateway's allow-list \(config "methods\.allow", or add it with --allow-method state_getKeys\)/);
    const ws = await RawWs.connect(limits.wsUrl);
    try {
      await expect(ws.call('state_getPairs', ['0x'])).rejects.toMatchObject({ code: -32601, message: expect.stringMatching(/allow-list/) });
    } finally {
      ws.close();
    }
  });

  it('honours methods.extraAllow and methods.deny from the config file', async () => {
    expect((await call(limits.httpUrl, 'system_peers')).body.result).toEqual([]);
    expect((await call(limits.httpUrl, 'system_name')).body.error.code).toBe(-32601);
    expect((await call(limits.httpUrl, 'system_version')).body.result).toEqual(expect.any(String));
  });
});

describe('rate limits', () => {
  it('per IP: a burst passes, then requests get -32005 naming limits.rateLimit.perIp', async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await call(strict.httpUrl, 'system_chain', [], i)).body);
    const ok = answers.filter((a) => a.result === 'Development').length;
    const refused = answers.filter((a) => a.error);
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThan(12);
    expect(refused[0].error.code).toBe(-32005);
    expect(refused[0].error.message).toMatch(/rate limit of 2 requests\/s \(burst 5\) per IP 127\.0\.0\.1 \(limits\.rateLimit\.perIp\) exceeded/);
    expect(refused[0].id).toBe(answers.indexOf(refused[0]));
  });

  it('per API key: a known key (?apikey= or x-api-key) has its own, larger bucket; an unknown key is refused', async () => {
    for (let i = 0; i < 20; i++) expect((await post(`${strict.httpUrl}/?apikey=${KEY}`, { jsonrpc: '2.0', id: i, method: 'system_chain', params: [] })).body.result).toBe('Development');
    expect((await post(strict.httpUrl, { jsonrpc: '2.0', id: 1, method: 'system_chain', params: [] }, { 'x-api-key': KEY })).body.result).toBe('Development');
    const unknown = await post(`${strict.httpUrl}/?apikey=not-a-key-at-all`, { jsonrpc: '2.0', id: 1, method: 'system_chain', params: [] });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toMatch(/unknown API key \(limits\.apiKeys\)/);
    const ws = await RawWs.connect(`${strict.wsUrl}/?apikey=${KEY}`);
    try {
      for (let i = 0; i < 20; i++) expect(await ws.call('system_chain')).toBe('Development');
    } finally {
      ws.close();
    }
  });
});

describe('request limits', () => {
  it('refuses a batch over limits.maxBatch and answers one within it in order', async () => {
    const ws = await RawWs.connect(limits.wsUrl);
    sockets.push(ws);
    const four = await ws.sendRaw(JSON.stringify([1, 2, 3, 4].map((id) => ({ jsonrpc: '2.0', id, method: 'system_chain', params: [] }))));
    expect(JSON.parse(four)).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32005, message: "batch of 4 requests exceeds the gateway's limit of 3 (limits.maxBatch)" } });
    const three = await ws.batch([['system_chain', []], ['chain_getBlockHash', [0]], ['state_getKeys', ['0x']]]);
    expect(three[0]!.result).toBe('Development');
    expect(three[1]!.result).toMatch(/^0x[0-9a-f]{64}$/);
    expect(three[2]!.error!.code).toBe(-32601);
  });

  it('refuses a request over limits.maxRequestBytes (WebSocket: JSON-RPC error; HTTP: 413)', async () => {
    const big = { jsonrpc: '2.0', id: 9, method: 'author_submitExtrinsic', params: ['0x' + '00'.repeat(4000)] };
    const ws = await RawWs.connect(limits.wsUrl);
    sockets.push(ws);
    const answer = JSON.parse(await ws.sendRaw(JSON.stringify(big)));
    expect(answer.error.code).toBe(-32005);
    expect(answer.error.message).toMatch(/exceeds the gateway's limit of 4096 bytes \(limits\.maxRequestBytes\)/);
    const http = await post(limits.httpUrl, big);
    expect(http.status).toBe(413);
    expect(http.body.error.message).toMatch(/limits\.maxRequestBytes/);
  });

  it('refuses a WebSocket past limits.maxConnectionsPerIp with 429, and admits again once one closes', async () => {
    for (const s of sockets.splice(0)) s.close();
    await new Promise((r) => setTimeout(r, 200));
    const open = [await RawWs.connect(limits.wsUrl), await RawWs.connect(limits.wsUrl), await RawWs.connect(limits.wsUrl)];
    await expect(RawWs.connect(limits.wsUrl)).rejects.toThrow(/429/);
    open.pop()!.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = await RawWs.connect(limits.wsUrl);
    expect(await again.call('system_chain')).toBe('Development');
    for (const s of [...open, again]) s.close();
  });

  it('answers malformed input as the spec says, and subscriptions over HTTP with a pointer to WebSocket', async () => {
    expect((await post(limits.httpUrl, '{"jsonrpc":')).body).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    expect((await post(limits.httpUrl, { id: 3, method: 'system_chain' })).body.error.code).toBe(-32600);
    const sub = await call(limits.httpUrl, 'chain_subscribeNewHeads');
    expect(sub.body.error).toEqual({ code: -32601, message: 'chain_subscribeNewHeads is a subscription: connect with a WebSocket to use it' });
  });
});

describe('observability', () => {
  it('exports latency histograms per method and upstream, error counts per method, and logs every call as JSON', async () => {
    const ws = await RawWs.connect(limits.wsUrl);
    await ws.call('chain_getBlockHash', [0]);
    const sub = await ws.call<string>('chain_subscribeNewHeads');
    await ws.call('chain_unsubscribeNewHeads', [sub]);
    ws.close();
    const text = await (await fetch(`${limits.httpUrl}/metrics`)).text();
    const upstream = `127.0.0.1:${node.rpcPort}#0`;
    expect(text).toContain(`gateway_request_duration_seconds_count{method="chain_getBlockHash",upstream="${upstream}",pool="default"}`);
    expect(text).toContain(`gateway_request_duration_seconds_count{method="chain_subscribeNewHeads",upstream="${upstream}",pool="default"}`);
    expect(text).toMatch(/gateway_request_duration_seconds_bucket\{le="0.001",method="system_chain",upstream="[^"]+",pool="default"\} \d+/);
    expect(text).toMatch(/gateway_errors_total\{method="other",code="-32601",pool="default"\} [1-9]/);
    expect(text).toMatch(/gateway_refused_total\{reason="allow-list"\} [1-9]/);
    expect(text).toMatch(/gateway_upstream_usable\{upstream="[^"]+"\} 1/);
    // The access log is written in batches (logs.access.flushMs, 250 ms): wait for them.
    const accessLine = (method: string) => limits.logs().split('\n').find((l) => l.includes('"name":"access"') && l.includes(`"method":"${method}"`));
    for (let waited = 0; !(accessLine('chain_getBlockHash') && accessLine('state_getKeys')) && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const line = accessLine('chain_getBlockHash')!;
    expect(JSON.parse(line)).toMatchObject({ level: 30, method: 'chain_getBlockHash', upstream, status: 'ok', ip: '127.0.0.1', latencyMs: expect.any(Number), reqBytes: expect.any(Number), resBytes: expect.any(Number) });
    const refused = accessLine('state_getKeys')!;
    expect(JSON.parse(refused)).toMatchObject({ status: -32601, upstream: 'gateway' });
  });
});
