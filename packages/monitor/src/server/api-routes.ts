import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiRequestError } from '../errors.ts';
import type { Monitor } from '../monitor.ts';
import { dailyBars } from '../store/uptime.ts';
import { acceptPush } from '../locations/results-route.ts';
import { readJson, readRaw, sendJson } from './http-server.ts';
import { targetViews } from './views.ts';

const noteBody = z.object({ message: z.string().min(1).max(4000), author: z.string().min(1).max(100).optional() }).strict();

function requireOperator(m: Monitor, req: IncomingMessage): void {
  const want = m.config.api.operatorToken;
  if (!want) throw new ApiRequestError(401, 'writes are disabled: the monitor has no api.operatorToken');
  const got = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(got);
  const b = Buffer.from(want);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ApiRequestError(401, 'missing or wrong bearer token');
}

const intParam = (v: string | undefined, name: string): number => {
  if (!v || !/^\d+$/.test(v)) throw new ApiRequestError(400, `${name} must be a positive integer`);
  return Number(v);
};

/** `/api/*`: the JSON API (described by /api/openapi.json). Returns false when no route matched. */
export async function apiRoute(m: Monitor, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const p = url.pathname;
  if (!p.startsWith('/api/')) return false;
  const now = Date.now();
  let g: RegExpExecArray | null;
  if (req.method === 'GET' && p === '/api/targets') return (sendJson(res, 200, targetViews(m, now)), true);
  if (req.method === 'GET' && (g = /^\/api\/targets\/([^/]+)$/.exec(p))) {
    const name = decodeURIComponent(g[1]!);
    const view = targetViews(m, now).targets.find((t) => t.name === name);
    const row = m.results.targets().find((t) => t.name === name);
    if (!view || !row) throw new ApiRequestError(404, `no target "${name}"`);
    const hours = Math.min(24 * 90, Number(url.searchParams.get('hours') ?? 24) || 24);
    const from = now - hours * 3_600_000;
    return (
      sendJson(res, 200, {
        ...view,
        series: m.results.series(name, from),
        hourly: m.results.hourlySeries(name, from),
        bars: dailyBars(row, m.incidents, now),
        incidents: m.incidents.list({ target: name, limit: 50 }),
      }),
      true
    );
  }
  if (req.method === 'GET' && p === '/api/providers') return (sendJson(res, 200, targetViews(m, now).providers), true);
  if (req.method === 'GET' && p === '/api/incidents') {
    const q = url.searchParams;
    const list = m.incidents.list({ openOnly: q.get('open') === 'true', target: q.get('target') ?? undefined, provider: q.get('provider') ?? undefined, limit: Math.min(500, Number(q.get('limit') ?? 100) || 100) });
    return (sendJson(res, 200, { incidents: list }), true);
  }
  if (req.method === 'GET' && (g = /^\/api\/incidents\/([^/]+)$/.exec(p))) {
    const i = m.incidents.get(intParam(g[1], 'incident id'));
    if (!i) throw new ApiRequestError(404, `no incident ${g[1]}`);
    return (sendJson(res, 200, i), true);
  }
  if (req.method === 'POST' && (g = /^\/api\/incidents\/([^/]+)\/notes$/.exec(p))) {
    requireOperator(m, req);
    const id = intParam(g[1], 'incident id');
    const parsed = noteBody.safeParse(await readJson(req));
    if (!parsed.success) throw new ApiRequestError(400, `${parsed.error.issues[0]!.path.join('.') || 'body'}: ${parsed.error.issues[0]!.message}`);
    if (!m.incidents.get(id)) throw new ApiRequestError(404, `no incident ${id}`);
    const e = m.incidents.addEvent(id, now, 'note', parsed.data.message, parsed.data.author ?? 'operator');
    return (sendJson(res, 201, e), true);
  }
  if (req.method === 'POST' && p === '/api/results') {
    const results = acceptPush(req, await readRaw(req, 8 * 1024 * 1024), m.config.locations.secrets, now);
    for (const r of results) m.record(r);
    return (sendJson(res, 202, { accepted: results.length }), true);
  }
  return false;
}
