// An HTTP proxy between a real dinfra-reactor process and moto that kills the reactor with
// SIGKILL at a chosen EC2 call. A crash point picks a request from the actions seen so far:
// `before` kills the reactor when that request arrives and drops it (it never reaches EC2);
// `after` forwards it, lets EC2 act, then kills the reactor before the answer is relayed (the
// call happened, the reactor never learnt it). No hook in the reactor: this is what a crash looks like from
// outside. Every Action seen is recorded, so a clean run lists the points to cover.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Picks the request to crash at: `history` ends with the current action. */
export interface CrashPoint {
  readonly name: string;
  readonly when: 'before' | 'after';
  match(history: readonly string[]): boolean;
}

/** The n-th request of `action`. */
export const nth = (when: 'before' | 'after', action: string, n = 1): CrashPoint => ({
  name: `${when} ${action}#${n}`,
  when,
  match: (h) => h.at(-1) === action && h.filter((a) => a === action).length === n,
});

/** The first request of `action` after the first `after` (e.g. the waiter's first poll after RunInstances). */
export const firstAfter = (when: 'before' | 'after', action: string, after: string): CrashPoint => ({
  name: `${when} the first ${action} after ${after}`,
  when,
  match: (h) => {
    const i = h.indexOf(after);
    return i >= 0 && h.at(-1) === action && h.slice(i + 1).filter((a) => a === action).length === 1;
  },
});

export interface Ec2CrashProxy {
  readonly url: string;
  /** Actions seen since the last `arm`, in order. */
  readonly seen: string[];
  /** Arms a crash point for process `pid` (undefined: just record). Resets the history. */
  arm(point: CrashPoint | undefined, pid: number | undefined): void;
  /** Resolves once the armed crash point has fired. */
  fired(): Promise<string>;
  close(): Promise<void>;
}

export async function startEc2CrashProxy(target: string): Promise<Ec2CrashProxy> {
  const upstream = new URL(target);
  let armed: CrashPoint | undefined;
  let pid: number | undefined;
  const seen: string[] = [];
  let onFire: ((p: string) => void) | undefined;
  let firedP: Promise<string> = new Promise((r) => (onFire = r));
  const kill = (point: CrashPoint) => {
    armed = undefined; // once
    if (pid) process.kill(pid, 'SIGKILL');
    onFire?.(point.name);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const action = new URLSearchParams(body.toString('utf8')).get('Action') ?? req.headers['x-amz-target']?.toString() ?? 'unknown';
    seen.push(action);
    const point = armed?.match(seen) ? armed : undefined;
    if (point?.when === 'before') {
      kill(point);
      req.socket.destroy();
      return;
    }
    const up = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
      (upRes) => {
        const out: Buffer[] = [];
        upRes.on('data', (c: Buffer) => out.push(c));
        upRes.on('end', () => {
          if (point?.when === 'after') {
            kill(point);
            req.socket.destroy();
            return;
          }
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          res.end(Buffer.concat(out));
        });
      },
    );
    up.on('error', () => req.socket.destroy());
    up.end(body);
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    arm(point, p) {
      armed = point;
      pid = p;
      seen.length = 0;
      firedP = new Promise((r) => (onFire = r));
    },
    fired: () => firedP,
    close() {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
