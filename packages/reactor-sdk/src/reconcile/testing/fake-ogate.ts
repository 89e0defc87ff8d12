// A tiny in-process stand-in for OGate's REST contract, ONLY for the reconcile loop's unit
// tests (the acceptance tests in test/reactor run the real OGate over a real dev node).
// It answers as openapi.yaml says: long-poll by revision, 409 on a stale generation,
// 200 when a report changes nothing, 202 when it is new.
import { createServer, type Server } from 'node:http';
import type { Deployment, Provider } from '@dinfra/ogate/client';

export interface FakeReport { id: string; generation: number; state: string; endpoints?: string[]; reason?: string }

export class FakeOGate {
  readonly deployments = new Map<string, Deployment>();
  readonly reports: FakeReport[] = [];
  revision = 0;
  down = false;
  #waiters: Array<() => void> = [];
  server!: Server;
  url = '';

  constructor(readonly provider: Provider) {}

  static async start(account = '5FakeProvider'): Promise<FakeOGate> {
    const g = '0x' + '11'.repeat(32);
    const f = new FakeOGate({
      account, operator: account, name: 'fake', status: 'active', offerings: [], headLag: 0,
      cursor: { number: 1, hash: g }, finalized: { number: 1, hash: g },
      chain: { name: 'Development', genesisHash: g, rpcUrl: 'ws://127.0.0.1:1', tokenSymbol: 'DIN', tokenDecimals: 12, ss58Format: 42 },
    });
    f.server = createServer((req, res) => void f.#handle(req, res));
    await new Promise<void>((r) => f.server.listen(0, '127.0.0.1', r));
    f.url = `http://127.0.0.1:${(f.server.address() as { port: number }).port}`;
    return f;
  }

  /** Adds or changes a deployment (bumps the revision, wakes long-polls). */
  upsert(d: Partial<Deployment> & { id: string }): Deployment {
    const old = this.deployments.get(d.id);
    const next: Deployment = {
      type: 'substrate-node', generation: 1, desired: 'present', state: 'awarded', endpoints: [], descriptor: { role: 'rpc', chain: 'dinfra', version: 'v' } as unknown as Deployment['descriptor'], secrets: {}, subscriber: '5S', awardedAt: 1,
      billing: { pricePerBlock: '0', deposit: '0', remaining: '0', expiresAt: null },
      ...old, ...d, revision: ++this.revision,
    };
    this.deployments.set(d.id, next);
    for (const w of this.#waiters.splice(0)) w();
    return next;
  }

  close(): Promise<void> {
    for (const w of this.#waiters.splice(0)) w();
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  async #handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(req.url!, 'http://x');
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.down) return send(503, { type: 'about:blank', title: 'down', status: 503 });
    if (req.headers.authorization !== 'Bearer t') return send(401, { type: 'about:blank', title: 'Unauthorized', status: 401 });
    if (req.method === 'GET' && url.pathname === '/v1/provider') return send(200, this.provider);
    if (req.method === 'GET' && url.pathname === '/v1/deployments') {
      const since = url.searchParams.get('since');
      const wait = Number(url.searchParams.get('wait') ?? 0);
      if (since === null) return send(200, { revision: this.revision, complete: true, deployments: [...this.deployments.values()] });
      const changed = () => [...this.deployments.values()].filter((d) => d.revision > Number(since));
      if (changed().length === 0 && wait > 0) await new Promise<void>((r) => { this.#waiters.push(r); setTimeout(r, wait * 1000); });
      return send(200, { revision: this.revision, complete: false, deployments: changed() });
    }
    const m = /^\/v1\/deployments\/(\d+)\/status$/.exec(url.pathname);
    if (req.method === 'PUT' && m) {
      let body = '';
      for await (const c of req) body += c;
      const r = JSON.parse(body) as FakeReport;
      const d = this.deployments.get(m[1]!);
      if (!d) return send(404, { type: 'about:blank', title: 'Not Found', status: 404 });
      if (d.desired === 'absent' || d.generation !== r.generation) return send(409, { type: 'urn:dinfra:ogate:stale-generation', title: 'Conflict', status: 409, detail: 'stale generation' });
      const state = r.state === 'failed' ? 'awarded' : (r.state as Deployment['state']);
      if (d.state === state && JSON.stringify(d.endpoints) === JSON.stringify(r.endpoints ?? d.endpoints)) return send(200, { reportId: null, status: 'reflected' });
      this.reports.push({ ...r, id: m[1]! });
      if (r.state === 'failed') this.upsert({ id: d.id, desired: 'absent', reason: r.reason ?? null });
      else this.upsert({ id: d.id, state, endpoints: r.endpoints ?? d.endpoints });
      return send(202, { reportId: String(this.reports.length), status: 'queued' });
    }
    send(404, { type: 'about:blank', title: 'Not Found', status: 404 });
  }
}
