import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_RPC_CORS } from './cors.ts';
import { Dispatcher } from './dispatch.ts';
import { createHttpHandler } from './http-transport.ts';
import { ConnectionGuard, resolveLimits } from './limits.ts';
import { isSubscription } from './rpc-methods.ts';
import type { RpcMethodTable, RpcServer, RpcServerOptions } from './types.ts';
import { attachWebSocket } from './ws-transport.ts';

export type {
  RpcCallContext,
  RpcCors,
  RpcHealth,
  RpcMethod,
  RpcMethodTable,
  RpcMetricsHooks,
  RpcServer,
  RpcServerLimits,
  RpcServerOptions,
  RpcSubscription,
  SubscriptionSink,
} from './types.ts';
export * from './errors.ts';
export { DEFAULT_RPC_CORS, isOriginAllowed } from './cors.ts';
export {
  DEFAULT_RPC_LIMITS,
  mbToBytes,
  RPC_DEFAULT_MAX_CONNECTIONS,
  RPC_DEFAULT_MAX_REQUEST_SIZE_MB,
  RPC_DEFAULT_MAX_RESPONSE_SIZE_MB,
  RPC_DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
  RPC_DEFAULT_PORT,
} from './limits.ts';
export { rpcMethodsResult } from './rpc-methods.ts';

/** Throws if two entries claim the same name (e.g. an unsubscribe name that is also a method). */
function checkTable(table: RpcMethodTable): void {
  for (const [name, entry] of Object.entries(table)) {
    if (!isSubscription(entry)) continue;
    for (const u of entry.unsubscribe) {
      if (Object.prototype.hasOwnProperty.call(table, u)) {
        throw new Error(`rpc: unsubscribe method ${u} of ${name} is also registered as a method`);
      }
    }
  }
}

/**
 * Start a Substrate/jsonrpsee-compatible JSON-RPC 2.0 server: WebSocket and HTTP POST on one port.
 * Resolves once listening.
 */
export async function createRpcServer(options: RpcServerOptions): Promise<RpcServer> {
  checkTable(options.methods);
  const limits = resolveLimits(options.limits);
  const cors = options.cors ?? DEFAULT_RPC_CORS;
  const logger = options.logger;
  const guard = new ConnectionGuard(limits.maxConnections);
  const dispatcher = new Dispatcher({ methods: options.methods, logger, metrics: options.metrics, limits });
  let lastId = 0;
  const nextConnectionId = (): number => (lastId = (lastId + 1) >>> 0);

  const server = createServer(
    createHttpHandler({ dispatcher, limits, cors, logger, guard, health: options.health, nextConnectionId }),
  );
  const ws = attachWebSocket(server, { dispatcher, limits, cors, logger, guard, metrics: options.metrics, nextConnectionId });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.error({ err }, 'rpc: server error'));
  const port = (server.address() as AddressInfo).port;
  logger.info({ host: options.host ?? '127.0.0.1', port }, 'Running JSON-RPC server');

  let closed: Promise<void> | undefined;
  return {
    port,
    get connectionCount(): number {
      return guard.count;
    },
    close(): Promise<void> {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await ws.close();
        server.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}
