/**
 * The reactor API: Express 5 + openapi-backend (requests validated against openapi.yaml),
 * bearer JWTs on /v1/*, problem+json errors, one handler per operationId.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addressUrl, parseHostPort } from '@dinfra/service';
import express, { type NextFunction, type Request, type Response } from 'express';
import { OpenAPIBackend, type Context, type Request as OaRequest } from 'openapi-backend';
import type { ApiDeps } from './deps.ts';
import { verifyToken } from './auth.ts';
import { DOCS_HTML } from './docs-page.ts';
import { HANDLERS } from './handlers/index.ts';
import { HttpProblem, PROBLEM, problem, type FieldError } from './problem.ts';

export interface ApiServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function createApi(deps: ApiDeps, secret: Uint8Array): Promise<express.Express> {
  const log = deps.ctx.log.child({ name: 'api' });
  const backend = new OpenAPIBackend({ definition: structuredClone(deps.document) as never, strict: true, coerceTypes: true, ajvOpts: { strict: false } });
  // openapi-backend checks documents against the OpenAPI 3.0 meta-schema only; ours is 3.1
  // (type arrays, info.summary). The contract is checked by schemathesis in the tests instead.
  backend.validateDefinition = () => backend.document;
  const handlers: Record<string, (c: Context, req: Request, res: Response) => unknown> = {};
  for (const [op, make] of Object.entries(HANDLERS)) handlers[op] = make(deps);
  backend.register({
    ...handlers,
    notFound: (_c: Context, _req: Request, res: Response) => problem(res, 404, PROBLEM.notFound, 'Not found', 'no such route'),
    methodNotAllowed: (_c: Context, _req: Request, res: Response) => problem(res, 405, PROBLEM.badRequest, 'Method not allowed'),
    unauthorizedHandler: (_c: Context, _req: Request, res: Response) => {
      res.set('www-authenticate', 'Bearer');
      problem(res, 401, PROBLEM.unauthorized, 'Unauthorized', 'a valid bearer token is required (dinfra-ogate token create)');
    },
    validationFail: (c: Context, _req: Request, res: Response) => {
      const errors: FieldError[] = (c.validation.errors ?? []).map((e) => ({ path: e.instancePath || (e.params as { missingProperty?: string }).missingProperty || '/', message: e.message ?? 'is invalid' }));
      problem(res, 400, PROBLEM.badRequest, 'Bad request', 'the request does not match the contract', errors);
    },
  });
  backend.registerSecurityHandler('bearerAuth', async (c: Context) => {
    const h = c.request.headers.authorization;
    const value = Array.isArray(h) ? h[0] : h;
    const m = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
    return m ? ((await verifyToken(secret, m[1]!)) ?? false) : false;
  });
  await backend.init();

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb', type: ['application/json', 'application/*+json'] }));
  app.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      await backend.handleRequest({ method: req.method, path: req.path, body: req.body, query: req.query as OaRequest['query'], headers: req.headers as OaRequest['headers'] }, req, res);
    } catch (e) {
      next(e);
    }
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpProblem) return problem(res, err.status, err.type, err.title, err.detail, err.errors);
    const status = (err as { status?: number; type?: string }).status;
    if (status && status >= 400 && status < 500) {
      return problem(res, status, PROBLEM.badRequest, 'Bad request', (err as { type?: string }).type === 'entity.parse.failed' ? 'the body is not valid JSON' : (err as Error).message);
    }
    log.error({ err: (err as Error).message, stack: (err as Error).stack }, 'request failed');
    return problem(res, 500, PROBLEM.internal, 'Internal error');
  });
  return app;
}

/** Listens on `host:port` (port 0: any free port). */
export async function listen(app: express.Express, listenAt: string): Promise<ApiServer> {
  const { host, port } = parseHostPort(listenAt);
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    server,
    url: addressUrl('http', addr.address, addr.port),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
