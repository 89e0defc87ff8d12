/**
 * An in-process fake OGate: the reactor API of openapi.yaml over a real HTTP socket, with the
 * deployments held in a Map that the test drives (`upsert`). It answers as OGate does: long-poll
 * by revision, 401 without the token, 409 on a stale generation, 200 when a report changes
 * nothing, 202 when it is new; and every request body is checked against the contract first
 * (400 with the field errors, as OGate), so a reactor run against it is checked call by call
 * (`violations`). It has no chain: a report takes effect at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Deployment, Provider, ReportBody, StatusReportRequest } from '../client.ts';
import { operationOf, requestErrors } from '../conformance.ts';
import { PROBLEM } from '../errors.ts';

/** A report the fake accepted (flattened: `endpoints` only on running, `reason` on failed). */
export interface FakeReport {
  readonly id: string;
  readonly generation: number;
  readonly state: ReportBody['state'];
  readonly endpoints?: string[];
  readonly reason?: string;
}

export interface FakeOGateOptions {
  /** The bearer token the fake accepts. @default 't' */
  readonly token?: string;
  /** The provider account (names the reactor's resources). @default '5FakeProvider' */
  readonly account?: string;
  /** Fields of `GET /v1/provider` to override. */
  readonly provider?: Partial<Provider>;
}

const GENESIS = '0x' + '11'.repeat(32);
/** What a reactor acts on (anything else is status). */
const specOf = (d: Deployment) => JSON.stringify([d.type, d.generation, d.desired, d.descriptor, d.secrets, d.descriptorCid]);

export class FakeOGate {
  readonly deployments = new Map<string, Deployment>();
  /** Every report accepted with 202, in order. */
  readonly reports: FakeReport[] = [];
  /** Every terminate accepted with 202, in order. */
  readonly terminations: Array<{ id: string; reason: string }> = [];
  /** Requests that broke the contract (each also answered 400): `operationId: error`. */
  readonly violations: string[] = [];
  revision = 0;
  /** While true every call gets 503 (an OGate outage). */
  down = false;
  readonly provider: Provider;
  readonly token: string;
  #waiters: Array<() => void> = [];
  server!: Server;
  url = '';

  constructor(o: FakeOGateOptions = {}) {
    const account = o.account ?? '5FakeProvider';
    this.token = o.token ?? 't';
    this.provider = {
      account, operator: account, name: 'fake', status: 'active', offerings: [], headLag: 0,
      cursor: { number: 1, hash: GENESIS }, finalized: { number: 1, hash: GENESIS },
      chain: { name: 'Development', genesisHash: GENESIS, rpcUrl: 'ws://127.0.0.1:1', tokenSymbol: 'DIN', tokenDecimals: 12, ss58Format: 42 },
      ...o.provider,
    };
  }

  /** Starts a fake OGate on a free loopback port. A string is the provider account (as before options). */
  static async start(o: FakeOGateOptions | string = {}): Promise<FakeOGate> {
    const f = new FakeOGate(typeof o === 'string' ? { account: o } : o);
    f.server = createServer((req, res) => void f.#handle(req, res).catch((err: Error) => f.#send(res, 500, problem(500, PROBLEM.internal, err.message))));
    await new Promise<void>((r) => f.server.listen(0, '127.0.0.1', r));
    f.url = `http://127.0.0.1:${(f.server.address() as { port: number }).port}`;
    return f;
  }

  /**
   * Adds or changes a deployment (bumps the revision, wakes long-polls). As OGate, the spec
   * revision moves too unless only status fields (state, endpoints, billing, reason) changed.
   */
  upsert(d: Partial<Omit<Deployment, 'revision' | 'specRevision'>> & { id: string }): Deployment {
    const old = this.deployments.get(d.id);
    const revision = ++this.revision;
    const next: Deployment = {
      type: 'substrate-node', generation: 1, desired: 'present', state: 'awarded', endpoints: [], descriptor: { role: 'rpc', chain: 'dinfra', version: 'v' } as unknown as Deployment['descriptor'], secrets: {}, subscriber: '5S', awardedAt: 1,
      billing: { pricePerBlock: '0', deposit: '0', remaining: '0', expiresAt: null },
      ...old, ...d, revision, specRevision: revision,
    };
    if (old && specOf(old) === specOf(next)) next.specRevision = old.specRevision;
    this.deployments.set(d.id, next);
    for (const w of this.#waiters.splice(0)) w();
    return next;
  }

  close(): Promise<void> {
    for (const w of this.#waiters.splice(0)) w();
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  #send(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent) return;
    res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
    res.end(JSON.stringify(body));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, 'http://x');
    const send = (status: number, body: unknown) => this.#send(res, status, body);
    if (this.down) return send(503, problem(503, PROBLEM.internal, 'OGate is down'));
    const op = operationOf(req.method ?? 'GET', url.pathname);
    if (!op) return send(404, problem(404, PROBLEM.notFound, 'no such route'));
    if (url.pathname.startsWith('/v1/') && req.headers.authorization !== `Bearer ${this.token}`) return send(401, problem(401, PROBLEM.unauthorized, 'a valid bearer token is required'));
    let body: unknown;
    if (req.method === 'PUT' || req.method === 'POST') {
      let text = '';
      for await (const c of req) text += c;
      try {
        body = JSON.parse(text);
      } catch {
        return send(400, problem(400, PROBLEM.badRequest, 'the body is not valid JSON'));
      }
      const errors = requestErrors(op, body);
      if (errors.length) {
        this.violations.push(...errors.map((e) => `${op}: ${e}`));
        return send(400, { ...problem(400, PROBLEM.badRequest, 'the request does not match the contract'), errors: errors.map((e) => ({ path: e.split(' ')[0], message: e.slice(e.indexOf(' ') + 1) })) });
      }
    }
    const id = /^\/v1\/deployments\/([^/]+)/.exec(url.pathname)?.[1];
    const d = id === undefined ? undefined : this.deployments.get(id);
    switch (op) {
      case 'getProvider':
        return send(200, this.provider);
      case 'healthz':
      case 'readyz':
        return send(200, { status: 'ok' });
      case 'listDeployments':
        return send(200, await this.#list(url));
      case 'getDeployment':
        return d ? send(200, d) : send(404, problem(404, PROBLEM.notFound, `no deployment ${id}`));
      case 'reportStatus':
        if (!d) return send(404, problem(404, PROBLEM.notFound, `no deployment ${id}`));
        return this.#report(d, body as StatusReportRequest, send);
      case 'terminateDeployment': {
        if (!d) return send(404, problem(404, PROBLEM.notFound, `no deployment ${id}`));
        if (d.desired === 'absent') return send(200, { reportId: null, status: 'reflected' });
        const { reason } = body as { reason: string };
        this.terminations.push({ id: d.id, reason });
        this.upsert({ id: d.id, desired: 'absent', state: 'terminated', reason });
        return send(202, { reportId: `t${this.terminations.length}`, status: 'queued' });
      }
      default:
        return send(404, problem(404, PROBLEM.notFound, `${op} is not served by the fake OGate`));
    }
  }

  async #list(url: URL) {
    const since = url.searchParams.get('since');
    const wait = Number(url.searchParams.get('wait') ?? 0);
    if (since === null) return { revision: this.revision, complete: true, deployments: [...this.deployments.values()] };
    const changed = () => [...this.deployments.values()].filter((d) => d.revision > Number(since));
    if (changed().length === 0 && wait > 0) await new Promise<void>((r) => { this.#waiters.push(r); setTimeout(r, wait * 1000); });
    return { revision: this.revision, complete: false, deployments: changed() };
  }

  #report(d: Deployment, r: StatusReportRequest, send: (status: number, body: unknown) => void): void {
    if (d.desired === 'absent' || d.generation !== r.generation) {
      return send(409, problem(409, PROBLEM.staleGeneration, `deployment ${d.id} is at generation ${d.generation}, the report is for ${r.generation}`));
    }
    const endpoints = r.state === 'running' ? r.endpoints : undefined;
    const state = r.state === 'failed' ? 'awarded' : r.state;
    if (d.state === state && JSON.stringify(d.endpoints) === JSON.stringify(endpoints ?? d.endpoints)) return send(200, { reportId: null, status: 'reflected' });
    this.reports.push({ ...r, id: d.id });
    if (r.state === 'failed') this.upsert({ id: d.id, desired: 'absent', reason: r.reason });
    else this.upsert({ id: d.id, state, endpoints: endpoints ?? d.endpoints });
    return send(202, { reportId: String(this.reports.length), status: 'queued' });
  }
}

function problem(status: number, type: string, detail: string) {
  return { type, title: detail, status, detail };
}
