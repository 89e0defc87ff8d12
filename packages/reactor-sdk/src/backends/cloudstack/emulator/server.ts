/**
 * The emulator's HTTP server: `/client/api` takes GET query strings and POST form bodies (query
 * parameters first, first value wins, as the servlet's parameter map), verifies the request
 * like the management server, dispatches to the handler named by `command`, and answers JSON
 * with the HTTP status = errorcode. `/_emulator/counts` and `/_emulator/faults` are the test
 * side (never exposed by a real cloud).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, CS_ERROR } from './api-error.ts';
import { HANDLERS, UNMODELLED } from './commands/index.ts';
import type { EmulatorCounts } from './model.ts';
import { EmulatorState, type EmulatorOptions } from './state.ts';
import { verifyRequest } from './verify.ts';

const MAX_BODY = 2 * 1024 * 1024;
const AUTH_TEXT = 'unable to verify user credentials and/or request signature';

export interface CloudStackEmulator {
  /** `http://127.0.0.1:<port>/client/api` */
  readonly url: string;
  readonly state: EmulatorState;
  counts(): EmulatorCounts;
  /** Makes the next `count` calls of `command` fail with `code` (`phase`: the call or its job). */
  failNext(command: string, fault: { code: number; count?: number; text?: string; phase?: 'sync' | 'job' }): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ApiError(430, `request body larger than ${MAX_BODY} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function addParams(into: Record<string, string>, search: URLSearchParams): void {
  for (const [k, v] of search) if (!(k in into)) into[k] = v;
}

function send(res: ServerResponse, status: number, doc: unknown): void {
  const body = JSON.stringify(doc);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function errorDoc(command: string | undefined, err: ApiError): Record<string, unknown> {
  const key = command ? `${command.toLowerCase()}response` : 'errorresponse';
  return { [key]: { uuidList: [], errorcode: err.errorCode, ...(err.csErrorCode ? { cserrorcode: err.csErrorCode } : {}), errortext: err.errorText } };
}

async function handleApi(state: EmulatorState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method === 'POST' ? 'POST' : 'GET';
  const params: Record<string, string> = {};
  addParams(params, url.searchParams);
  if (method === 'POST') {
    const body = await readBody(req);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (body && type !== 'application/x-www-form-urlencoded') throw new ApiError(430, `unsupported content type ${type || '(none)'}`);
    addParams(params, new URLSearchParams(body));
  }
  const command = params.command;
  state.countCall(command ?? '?');
  state.advance();
  const known = (name: string) => name in HANDLERS || UNMODELLED.has(name);
  const check = verifyRequest(state, params, known);
  if (!check.ok) {
    state.refused401++;
    return send(res, 401, errorDoc(command, new ApiError(401, AUTH_TEXT)));
  }
  try {
    const handler = HANDLERS[command!];
    if (!handler) throw new ApiError(432, `The API ${command} is not supported by this CloudStack emulator`);
    const fault = state.takeFault(command!, 'sync');
    if (fault) throw fault;
    const answer = handler({ state, account: check.account, command: command!, params, method });
    send(res, 200, { [`${command!.toLowerCase()}response`]: answer });
  } catch (err) {
    const apiErr = err instanceof ApiError ? err : new ApiError(530, `internal error: ${(err as Error).message}`, CS_ERROR.cloudRuntime);
    send(res, apiErr.errorCode, errorDoc(command, apiErr));
  }
}

async function handleControl(state: EmulatorState, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (path === '/_emulator/counts') return send(res, 200, state.counts());
  if (path === '/_emulator/faults' && req.method === 'POST') {
    const f = JSON.parse(await readBody(req)) as { command: string; code: number; count?: number; phase?: 'sync' | 'job' };
    state.failNext(f.command, f);
    return send(res, 200, { ok: true });
  }
  if (path === '/_emulator/catalog') {
    return send(res, 200, { zones: state.zones, templates: state.templates, offerings: state.offerings, networks: state.networks, securityGroups: state.securityGroups, keyPairs: [...state.keyPairs] });
  }
  send(res, 404, { error: `no such path ${path}` });
}

/** Starts an emulator on 127.0.0.1 (port 0 = a free one). */
export async function startCloudStackEmulator(options: EmulatorOptions & { port?: number } = {}): Promise<CloudStackEmulator> {
  const state = new EmulatorState(options);
  // GET requests carry up to 32,768 characters of user data in the query: a header limit above that.
  const server: Server = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/_emulator/') ? handleControl(state, req, res, url.pathname) : url.pathname === '/client/api' ? handleApi(state, req, res, url) : Promise.resolve(send(res, 404, { error: 'use /client/api' }));
    work.catch((err: unknown) => {
      if (res.headersSent) return;
      const apiErr = err instanceof ApiError ? err : new ApiError(530, `internal error: ${(err as Error).message}`, CS_ERROR.cloudRuntime);
      const command = url.searchParams.get('command') ?? undefined;
      send(res, apiErr.errorCode, errorDoc(command, apiErr));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/client/api`,
    state,
    counts: () => state.counts(),
    failNext: (command, fault) => state.failNext(command, fault),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
