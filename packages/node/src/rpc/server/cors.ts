import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { RpcCors } from './types.ts';

/** Substrate's default `--rpc-cors` when not in `--dev`. */
export const DEFAULT_RPC_CORS: readonly string[] = [
  'http://localhost:*',
  'http://127.0.0.1:*',
  'https://localhost:*',
  'https://127.0.0.1:*',
  'https://polkadot.js.org',
];

function matches(pattern: string, origin: string): boolean {
  if (pattern === origin) return true;
  if (!pattern.endsWith(':*')) return false;
  const base = pattern.slice(0, -2);
  if (origin === base) return true;
  if (!origin.startsWith(`${base}:`)) return false;
  return /^\d{1,5}$/.test(origin.slice(base.length + 1));
}

/** Whether a browser `Origin` may use the server. Requests without Origin (non-browser) always may. */
export function isOriginAllowed(cors: RpcCors, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  if (cors === 'all') return true;
  return cors.some((p) => p === '*' || p === 'all' || matches(p, origin));
}

/** CORS response headers for an HTTP request (none when there is no/disallowed Origin). */
export function corsHeaders(cors: RpcCors, req: IncomingMessage): OutgoingHttpHeaders {
  const origin = req.headers.origin;
  if (origin === undefined || !isOriginAllowed(cors, origin)) return {};
  const headers: OutgoingHttpHeaders = {
    'access-control-allow-origin': cors === 'all' ? '*' : origin,
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type',
  };
  if (cors !== 'all') headers['vary'] = 'origin';
  return headers;
}
