// Several chains behind one gateway: a pool per chain selected by Host header (exact names and
// wildcard suffixes) or path prefix, genesis checked per pool. Two dinfra-node chains with
// different genesis (--dev and --chain local): @polkadot/api through each name sees its own
// genesis; an upstream of the other chain put in the wrong pool is excluded, the reason and since
// when shown in /status (JSON and HTML); an unknown host gets a JSON-RPC error (404 over HTTP).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiPromise, WsProvider } from '@polkadot/api';
import WebSocket from 'ws';
import { rpc, startNode, type RunningNode } from '../support/node-process.ts';
import { waitFor } from '../support/chain-helpers.ts';
import { startGateway, type RunningGateway } from './gateway-support.ts';

let dev: RunningNode;
let local: RunningNode;
let gw: RunningGateway;
const apis: ApiPromise[] = [];

interface Status {
  pools: Array<{ name: string; chain?: string; genesisHash?: string; usable: number; upstreams: Array<{ name: string; url: string; usable: boolean; excluded?: { reasons: string[]; since: string } }> }>;
}
const status = async (): Promise<Status> => (await (await fetch(`${gw.httpUrl}/status`)).json()) as Status;

/** A POST with a chosen Host header. */
function postAs(host: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const { hostname, port } = new URL(gw.httpUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const apiAs = async (url: string, host?: string) => {
  const api = await ApiPromise.create({ provider: new WsProvider(url, 250, host ? { host } : {}), noInitWarn: true, throwOnConnect: true });
  apis.push(api);
  return api;
};

beforeAll(async () => {
  [dev, local] = await Promise.all([startNode(['--dev']), startNode(['--chain', 'local', '--alice', '--tmp'])]);
  gw = await startGateway([
    '--pool', 'dev=dev.localhost,/dev',
    '--pool', 'local=local.localhost,*.local.example,/local',
    '--upstream', `dev=${dev.wsUrl}`,
    '--upstream', `dev=${local.wsUrl}`, // misconfigured: a node of the other chain
    '--upstream', `local=${local.wsUrl}`,
    '--health-interval', '300',
    '--log-level', 'warn',
  ]);
  await waitFor('both pools usable', async () => (await status()).pools.every((p) => p.usable === 1), 30_000, 100);
});

afterAll(async () => {
  await Promise.all(apis.map((a) => a.disconnect().catch(() => undefined)));
  await gw?.kill();
  await Promise.all([dev?.kill(), local?.kill()]);
});

describe('two chains behind one gateway', () => {
  it('@polkadot/api through each host name sees its own genesis', async () => {
    const [devGenesis, localGenesis] = await Promise.all([rpc<string>(dev, 'chain_getBlockHash', [0]), rpc<string>(local, 'chain_getBlockHash', [0])]);
    expect(devGenesis).not.toBe(localGenesis);
    const viaDev = await apiAs(gw.wsUrl, 'dev.localhost');
    const viaWildcard = await apiAs(gw.wsUrl, 'rpc.local.example:443');
    const viaPath = await apiAs(`${gw.wsUrl}/local`);
    expect(viaDev.genesisHash.toHex()).toBe(devGenesis);
    expect((await viaDev.rpc.system.chain()).toString()).toBe('Development');
    expect(viaWildcard.genesisHash.toHex()).toBe(localGenesis);
    expect(viaPath.genesisHash.toHex()).toBe(localGenesis);
    expect((await viaPath.rpc.system.chain()).toString()).toBe('Local Testnet');
    // Every call on the dev name went to the dev node: the wrong-chain upstream never served it.
    for (let i = 0; i < 10; i++) expect((await viaDev.rpc.chain.getBlockHash(0)).toHex()).toBe(devGenesis);
    // HTTP by host name and by path.
    expect((await postAs('dev.localhost', '/', { jsonrpc: '2.0', id: 1, method: 'chain_getBlockHash', params: [0] })).body.result).toBe(devGenesis);
    expect((await postAs('127.0.0.1', '/local', { jsonrpc: '2.0', id: 1, method: 'chain_getBlockHash', params: [0] })).body.result).toBe(localGenesis);
  });

  it('excludes the upstream of the other chain, with the reason and since when in /status', async () => {
    const s = await status();
    const devPool = s.pools.find((p) => p.name === 'dev')!;
    expect(devPool.chain).toBe('Development');
    expect(devPool.genesisHash).toBe(await rpc<string>(dev, 'chain_getBlockHash', [0]));
    const wrong = devPool.upstreams.find((u) => u.url === local.wsUrl)!;
    expect(wrong.usable).toBe(false);
    expect(wrong.excluded!.reasons.join('; ')).toMatch(/serves the chain of pool "local" \(Local Testnet, genesis 0x[0-9a-f]{64}\)/);
    expect(Date.parse(wrong.excluded!.since)).toBeGreaterThan(Date.now() - 120_000);
    const right = s.pools.find((p) => p.name === 'local')!.upstreams[0]!;
    expect(right).toMatchObject({ url: local.wsUrl, usable: true });
    expect(right.excluded).toBeUndefined();
    const html = await (await fetch(`${gw.httpUrl}/status`, { headers: { accept: 'text/html' } })).text();
    expect(html).toMatch(/<h2>dev<\/h2>/);
    expect(html).toContain('serves the chain of pool &quot;local&quot;');
  });

  it('answers an unknown host with a JSON-RPC error: 404 over HTTP, an error per call over WebSocket', async () => {
    const r = await postAs('polkadot.example.com', '/', { jsonrpc: '2.0', id: 7, method: 'system_chain', params: [] });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ jsonrpc: '2.0', id: 7, error: { code: -32004 } });
    expect(r.body.error.message).toMatch(/no chain is served at host "polkadot.example.com" on this gateway; it serves: dev.localhost, \/dev, local.localhost/);
    const ws = new WebSocket(gw.wsUrl, { headers: { host: 'polkadot.example.com' } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const reply = await new Promise<any>((resolve) => {
      ws.once('message', (d) => resolve(JSON.parse(String(d))));
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: 'a', method: 'system_chain', params: [] }));
    });
    ws.close();
    expect(reply).toMatchObject({ id: 'a', error: { code: -32004 } });
  });
});
