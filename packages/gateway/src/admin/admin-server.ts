import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Gateway } from '../gateway.ts';
import { addressUrl, parseHostPort } from '@dinfra/service';

const addBody = z.object({ url: z.string().url().refine((u) => /^wss?:\/\//.test(u), 'must be a ws:// or wss:// URL'), name: z.string().min(1).optional() }).strict();
const scalingBody = z.object({ pool: z.string().min(1), action: z.enum(['out', 'in', 'hold']), from: z.number().int().min(0), to: z.number().int().min(0), reason: z.string().min(1) }).passthrough();

const send = (res: ServerResponse, status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const problem = (res: ServerResponse, status: number, detail: string): void => send(res, status, { status, detail });

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const c of req) {
    text += String(c);
    if (text.length > 64 * 1024) throw new Error('body larger than 64 KiB');
  }
  return text ? JSON.parse(text) : {};
}

/**
 * The admin API, on its own port (never the public one): `GET /pools` (the status),
 * `POST /pools/NAME/upstreams {url, name?}`, `DELETE /pools/NAME/upstreams/UPSTREAM` (drained
 * first: no client error), `POST /scaling` (a reactor's scaling decision, shown in /status).
 * A bearer token is required when `admin.token` is set.
 */
export class AdminServer {
  readonly #server: Server;

  constructor(private readonly gw: Gateway, private readonly token: string | undefined) {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  async listen(listen: string): Promise<string> {
    const { host, port } = parseHostPort(listen);
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve());
    });
    const a = this.#server.address() as AddressInfo;
    return addressUrl('http', a.address, a.port);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.token !== undefined && req.headers.authorization !== `Bearer ${this.token}`) return problem(res, 401, 'admin token required (Authorization: Bearer …)');
    const path = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    try {
      if (req.method === 'GET' && path.length === 1 && path[0] === 'pools') return send(res, 200, this.gw.status());
      if (req.method === 'POST' && path.length === 1 && path[0] === 'scaling') {
        const r = scalingBody.safeParse(await readJson(req));
        if (!r.success) return problem(res, 400, `${r.error.issues[0]!.path.join('.') || 'body'}: ${r.error.issues[0]!.message}`);
        this.gw.scaling.unshift({ at: new Date().toISOString(), ...r.data });
        this.gw.scaling.length = Math.min(this.gw.scaling.length, 200);
        return send(res, 201, { recorded: true });
      }
      if (path[0] === 'pools' && path[2] === 'upstreams') {
        const pool = this.gw.poolNamed(path[1] ?? '');
        if (!pool) return problem(res, 404, `no pool "${path[1]}" (pools: ${this.gw.pools.map((p) => p.name).join(', ')})`);
        if (req.method === 'POST' && path.length === 3) {
          const r = addBody.safeParse(await readJson(req));
          if (!r.success) return problem(res, 400, `${r.error.issues[0]!.path.join('.') || 'body'}: ${r.error.issues[0]!.message}`);
          if (pool.pool.upstreams.some((u) => u.client.url === r.data.url)) return problem(res, 409, `pool "${pool.name}" already has ${r.data.url}`);
          return send(res, 201, this.gw.addUpstream(pool, r.data));
        }
        if (req.method === 'DELETE' && path.length === 4) {
          if (!pool.pool.byName(path[3]!)) return problem(res, 404, `pool "${pool.name}" has no upstream "${path[3]}"`);
          return send(res, 200, await this.gw.removeUpstream(pool, path[3]!));
        }
      }
      return problem(res, 404, 'routes: GET /pools, POST /pools/NAME/upstreams, DELETE /pools/NAME/upstreams/UPSTREAM, POST /scaling');
    } catch (e) {
      return problem(res, 400, (e as Error).message);
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
