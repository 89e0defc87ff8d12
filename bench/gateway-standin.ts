/**
 * A stand-in JSON-RPC node for gateway benches: it models a real node's capacity with a fixed
 * service time and a fixed number of requests served at once (the rest wait in line), so that the
 * balancing result does not depend on how the 2 cores are shared. It answers the gateway's health
 * probes at once (a steady head) and serves `state_getStorage` through the queue; optionally every
 * `stallEvery`-th of those stalls `stallMs` more (a slow node). WebSocket and HTTP on one port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

export interface StandinOptions {
  serviceMs: number;
  concurrency: number;
  stallEvery?: number;
  stallMs?: number;
}

export interface Standin {
  url: string;
  httpUrl: string;
  /** `state_getStorage` calls answered. */
  served(): number;
  close(): Promise<void>;
}

const GENESIS = `0x${'ab'.repeat(32)}`;
const HEAD = `0x${'cd'.repeat(32)}`;
const HEADER = { parentHash: `0x${'00'.repeat(32)}`, number: '0x64', stateRoot: `0x${'11'.repeat(32)}`, extrinsicsRoot: `0x${'22'.repeat(32)}`, digest: { logs: [] } };

const INSTANT: Record<string, (params: unknown[]) => unknown> = {
  system_chain: () => 'Stand-in',
  system_health: () => ({ peers: 1, isSyncing: false, shouldHavePeers: false }),
  system_nodeRoles: () => ['Full'],
  chain_getBlockHash: (p) => (p[0] === 0 ? GENESIS : HEAD),
  chain_getHeader: () => HEADER,
  chain_getFinalizedHead: () => HEAD,
};

export async function startStandin(o: StandinOptions): Promise<Standin> {
  let busy = 0;
  let calls = 0;
  let served = 0;
  const line: Array<() => void> = [];
  const serve = (done: () => void) => {
    busy++;
    const stall = o.stallEvery && ++calls % o.stallEvery === 0 ? (o.stallMs ?? 0) : 0;
    setTimeout(() => {
      served++;
      done();
      busy--;
      line.shift()?.();
    }, o.serviceMs + stall);
  };
  const answer = (text: string, reply: (t: string) => void) => {
    let req: { id: unknown; method: string; params?: unknown[] };
    try {
      req = JSON.parse(text) as typeof req;
    } catch {
      return reply('{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}');
    }
    const id = JSON.stringify(req.id ?? null);
    const instant = INSTANT[req.method];
    if (instant) return reply(`{"jsonrpc":"2.0","result":${JSON.stringify(instant(req.params ?? []))},"id":${id}}`);
    if (req.method !== 'state_getStorage') return reply(`{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":${id}}`);
    const run = () => serve(() => reply(`{"jsonrpc":"2.0","result":"0x64000000","id":${id}}`));
    if (busy < o.concurrency) run();
    else line.push(run);
  };
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ served }));
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => answer(body, (t) => res.writeHead(200, { 'content-type': 'application/json' }).end(t)));
  });
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (ws) => ws.on('message', (d) => answer(String(d), (t) => ws.readyState === ws.OPEN && ws.send(t))));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    served: () => served,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export interface StandinProcess {
  url: string;
  httpUrl: string;
  child: ChildProcess;
  served(): Promise<number>;
  kill(): Promise<void>;
}

/**
 * Stand-ins in one process of their own (apart from the load generator), one event loop for all:
 * one stand-in loaded alone and three loaded together see the same scheduling on a shared machine.
 */
export async function spawnStandins(list: StandinOptions[]): Promise<StandinProcess[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(list)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const hits = await new Promise<RegExpExecArray[]>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const all = [...out.matchAll(/standin (ws:\/\/\S+) (http:\/\/\S+)\n/g)];
      if (all.length === list.length) resolve(all);
    });
    child.once('exit', (code) => reject(new Error(`stand-ins exited (${code}): ${out}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return hits.map((m) => ({
    url: m[1]!,
    httpUrl: m[2]!,
    child,
    served: async () => ((await (await fetch(m[2]!)).json()) as { served: number }).served,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const o of JSON.parse(process.argv[2] ?? '[{"serviceMs":5,"concurrency":4}]') as StandinOptions[]) {
    const s = await startStandin(o);
    process.stdout.write(`standin ${s.url} ${s.httpUrl}\n`);
  }
}
