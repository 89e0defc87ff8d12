import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/** How a test mirror misbehaves. */
export type MirrorFault = 'none' | 'forbid-ranges' | 'unsatisfiable-ranges' | 'other-bytes' | 'stall' | 'cut-midway' | 'not-found';

export interface MirrorServer {
  readonly url: string;
  fault: MirrorFault;
  /** Requests per path prefix (`chunks/`, `latest.dsnm`, ...), and bytes sent. */
  readonly stats: { requests: number; rangeRequests: number; bytes: number };
  /** Bytes per second per response (0 = unlimited). */
  rate: number;
  close(): Promise<void>;
}

/**
 * A real HTTP server over a mirror directory, with Range support (206 / Content-Range) and
 * injectable faults: 403 or 416 on ranged requests, other bytes, a stall after the headers,
 * a connection cut half way, 404.
 */
export async function startMirrorServer(dir: string, fault: MirrorFault = 'none'): Promise<MirrorServer> {
  const stats = { requests: 0, rangeRequests: 0, bytes: 0 };
  const sockets = new Set<import('node:net').Socket>();
  const state = { fault, rate: 0 };
  const server = http.createServer(async (req, res) => {
    stats.requests++;
    const rel = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    const path = join(dir, rel);
    const size = await stat(path).then((s) => (s.isFile() ? s.size : -1), () => -1);
    if (size < 0 || state.fault === 'not-found') return void res.writeHead(404).end();
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) stats.rangeRequests++;
    if (range && state.fault === 'forbid-ranges') return void res.writeHead(403).end();
    if (range && state.fault === 'unsatisfiable-ranges') return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Number(range[2]) : size - 1;
    if (start > end && size > 0) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    res.writeHead(range ? 206 : 200, { 'content-length': String(end - start + 1), ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}), 'accept-ranges': 'bytes' });
    if (state.fault === 'stall') return void res.flushHeaders();
    if (size === 0) return void res.end();
    const stream = createReadStream(path, { start, end, highWaterMark: 16 * 1024 });
    let sent = 0;
    const t0 = Date.now();
    try {
      for await (const piece of stream as AsyncIterable<Buffer>) {
        let buf = piece;
        if (state.fault === 'other-bytes' && rel.startsWith('chunks/')) buf = Buffer.from(buf.map((b) => b ^ 0xff));
        if (state.fault === 'cut-midway' && sent + buf.length > (end - start + 1) / 2) {
          res.socket?.destroy();
          return;
        }
        sent += buf.length;
        stats.bytes += buf.length;
        if (!res.write(buf)) await new Promise((r) => res.once('drain', r));
        const ahead = state.rate > 0 ? sent / state.rate - (Date.now() - t0) / 1000 : 0;
        if (ahead > 0) await new Promise((r) => setTimeout(r, ahead * 1000));
        if (res.destroyed) return;
      }
      res.end();
    } catch {
      res.destroy();
    } finally {
      stream.destroy();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    get fault() {
      return state.fault;
    },
    set fault(f) {
      state.fault = f;
    },
    get rate() {
      return state.rate;
    },
    set rate(r) {
      state.rate = r;
    },
    stats,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
