// A stand-in for Kubo's RPC API that serves WRONG bytes (what a broken or hostile daemon, or
// a bad disk, would give), so the Kubo adapter's own verification is what is tested. It
// answers like Kubo: POST only, `arg=` CIDs, errors as {Message, Code, Type} with status 500.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeKuboRoutes {
  /** Bytes `cat` streams for a CID (undefined: Kubo's "not found" error; 'hang': never answers). */
  cat?: (cid: string) => Uint8Array | 'hang' | undefined;
  /** Bytes `block/get` returns for a CID. */
  block?: (cid: string) => Uint8Array | undefined;
}

export interface FakeKubo {
  apiUrl: string;
  calls: string[];
  close(): Promise<void>;
}

export async function startFakeKubo(routes: FakeKuboRoutes): Promise<FakeKubo> {
  const calls: string[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(url.pathname);
    const notFound = (cid: string) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Message: `block was not found locally (offline): ipld: could not find ${cid}`, Code: 0, Type: 'error' }));
    };
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const arg = url.searchParams.get('arg') ?? '';
    if (url.pathname === '/api/v0/version') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Version: '0.43.1', Commit: '', Repo: '16', System: 'amd64/linux', Golang: 'go1.26' }));
    } else if (url.pathname === '/api/v0/cat') {
      const bytes = routes.cat?.(arg);
      if (bytes === 'hang') {
        hanging.add(res);
        return;
      }
      if (!bytes) return notFound(arg);
      res.writeHead(200, { 'content-type': 'text/plain', 'x-stream-output': '1', 'x-content-length': String(bytes.length) });
      res.end(Buffer.from(bytes));
    } else if (url.pathname === '/api/v0/block/get') {
      const bytes = routes.block?.(arg);
      if (!bytes) return notFound(arg);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from(bytes));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
