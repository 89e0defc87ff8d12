import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Monitor } from '../monitor.ts';
import { renderStatusPage } from '../page/status-page.ts';
import { badge } from '../page/svg.ts';
import { computeUptime } from '../store/uptime.ts';
import { STATE_COLOR } from '../page/html.ts';
import { targetViews } from './views.ts';
import { OPENAPI_DOCUMENT } from './openapi.ts';

const svg = (res: ServerResponse, body: string) => void res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=30' }).end(body);

/** `/` (the page), `/badge/NAME.svg` (uptime 30 d), `/badge/NAME/status.svg`, `/api/openapi.json`. */
export function pageRoute(m: Monitor, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (req.method !== 'GET') return false;
  const p = url.pathname;
  if (p === '/' || p === '/index.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(renderStatusPage(m));
    return true;
  }
  if (p === '/api/openapi.json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(OPENAPI_DOCUMENT));
    return true;
  }
  let g = /^\/badge\/([^/]+)\.svg$/.exec(p);
  if (g) {
    const name = decodeURIComponent(g[1]!);
    const row = m.results.targets().find((t) => t.name === name);
    const u = row ? computeUptime([row], m.incidents, Date.now()).targets.get(name)!['30d'] : null;
    const color = u === null ? '#9f9f9f' : u >= 0.999 ? '#4c1' : u >= 0.99 ? '#dfb317' : '#e05d44';
    svg(res, badge('uptime 30d', u === null ? 'unknown' : `${(u * 100).toFixed(2)}%`, color));
    return true;
  }
  g = /^\/badge\/([^/]+)\/status\.svg$/.exec(p);
  if (g) {
    const name = decodeURIComponent(g[1]!);
    const t = targetViews(m).targets.find((x) => x.name === name);
    const state = t?.state ?? 'unknown';
    svg(res, badge(name, state, STATE_COLOR[state]!));
    return true;
  }
  return false;
}
