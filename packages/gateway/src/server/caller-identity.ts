import type { IncomingMessage } from 'node:http';

/** The client's IP and API key (`?apikey=` or the `x-api-key` header). */
export function callerIdentity(req: IncomingMessage): { ip: string; apiKey: string | undefined } {
  const ip = req.socket.remoteAddress ?? 'unknown';
  const url = new URL(req.url ?? '/', 'http://gateway');
  const header = req.headers['x-api-key'];
  const apiKey = url.searchParams.get('apikey') ?? (Array.isArray(header) ? header[0] : header) ?? undefined;
  return { ip, apiKey: apiKey === '' ? undefined : apiKey };
}

/** Undefined when acceptable, else why not. Keys count only when configured. */
export function checkApiKey(apiKey: string | undefined, known: ReadonlySet<string>): { key: string | undefined; refusal?: string } {
  if (apiKey === undefined) return { key: undefined };
  if (known.size === 0) return { key: undefined };
  if (!known.has(apiKey)) return { key: undefined, refusal: 'unknown API key (limits.apiKeys)' };
  return { key: apiKey };
}
