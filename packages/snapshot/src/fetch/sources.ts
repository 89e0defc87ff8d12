import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Mirror } from '../manifest/types.ts';

/** Where a chunk object lives under a mirror's base: `chunks/<sha256 hex>`. */
export const chunkKey = (sha256: Uint8Array): string => `chunks/${Buffer.from(sha256).toString('hex')}`;

/** A failure of one request to one mirror; `permanent` ones (wrong bytes) disable the mirror. */
export class MirrorRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MirrorRequestError';
  }
}

/** One place chunks can be read from. `from` > 0 asks for the object's bytes from that offset. */
export interface ChunkSource {
  readonly label: string;
  open(key: string, from: number, signal: AbortSignal): Promise<Readable>;
}

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };

/** An HTTP(S) base URL (an HTTP directory, or an S3 bucket prefix read over plain HTTP). */
export function httpSource(base: string): ChunkSource {
  const mod = base.startsWith('https:') ? https : http;
  const agent = base.startsWith('https:') ? agents.https : agents.http;
  return {
    label: base,
    open: (key, from, signal) =>
      new Promise((resolve, reject) => {
        const req = mod.get(new URL(key, base), { agent, signal, headers: from > 0 ? { range: `bytes=${from}-` } : {} }, (res) => {
          const status = res.statusCode ?? 0;
          const ok = from > 0 ? status === 206 : status === 200;
          if (!ok) {
            res.resume();
            const why = from > 0 && status === 200 ? 'ignored the Range header' : `answered HTTP ${status}`;
            reject(new MirrorRequestError(`${base}${key}: ${why}`, status));
            return;
          }
          if (from > 0 && !String(res.headers['content-range'] ?? '').startsWith(`bytes ${from}-`)) {
            res.resume();
            reject(new MirrorRequestError(`${base}${key}: Content-Range "${res.headers['content-range']}" is not bytes ${from}-`, status));
            return;
          }
          resolve(res);
        });
        req.on('error', (e) => reject(new MirrorRequestError(`${base}${key}: ${e.message}`)));
      }),
  };
}

/** A local directory laid out as a mirror (`file:///srv/snapshots/dev/`). */
export function fileSource(base: string): ChunkSource {
  const dir = fileURLToPath(base);
  return {
    label: base,
    open: async (key, from, signal) => {
      const s = createReadStream(dir + key, { start: from, signal });
      await new Promise<void>((resolve, reject) => {
        s.once('open', () => resolve());
        s.once('error', (e) => reject(new MirrorRequestError(`${base}${key}: ${e.message}`)));
      });
      return s;
    },
  };
}

/** Reads chunks of an IPFS directory CID (whose entries are the chunks) through a Kubo RPC API (`/api/v0/cat`, offset honoured). */
export function kuboSource(apiUrl: string, rootCid: string): ChunkSource {
  const api = new URL('api/v0/cat', apiUrl.endsWith('/') ? apiUrl : apiUrl + '/');
  const mod = api.protocol === 'https:' ? https : http;
  return {
    label: `ipfs://${rootCid}/ via ${apiUrl}`,
    open: (key, from, signal) =>
      new Promise((resolve, reject) => {
        const u = new URL(api);
        // The mirror's CID is the chunks directory itself: `chunks/<hex>` is `<cid>/<hex>`.
        u.searchParams.set('arg', `/ipfs/${rootCid}/${key.replace(/^chunks\//, '')}`);
        if (from > 0) u.searchParams.set('offset', String(from));
        const req = mod.request(u, { method: 'POST', signal }, (res) => {
          if (res.statusCode !== 200) {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString().slice(0, 300)));
            res.on('end', () => reject(new MirrorRequestError(`ipfs ${rootCid}/${key}: Kubo answered HTTP ${res.statusCode} ${text.trim().slice(0, 300)}`, res.statusCode)));
            return;
          }
          resolve(res);
        });
        req.on('error', (e) => reject(new MirrorRequestError(`ipfs ${rootCid}/${key}: ${e.message}`)));
        req.end();
      }),
  };
}

/** The sources for a manifest's mirrors (IPFS ones only with a Kubo API to read them through). */
export function sourcesFor(mirrors: readonly Mirror[], ipfsApi?: string): ChunkSource[] {
  const out: ChunkSource[] = [];
  for (const m of mirrors) {
    if (m.kind === 'ipfs') {
      if (ipfsApi) out.push(kuboSource(ipfsApi, m.cid));
    } else out.push(sourceForUrl(m.url));
  }
  return out;
}

/** A source for a base URL given on the command line: http(s):// or file://. */
export function sourceForUrl(url: string): ChunkSource {
  const base = url.endsWith('/') ? url : url + '/';
  if (base.startsWith('file:')) return fileSource(base);
  if (/^https?:/.test(base)) return httpSource(base);
  throw new MirrorRequestError(`mirror ${url}: only http(s):// and file:// URLs are read`);
}
