import type { Logger } from 'pino';

/** Per-call information handed to every method and subscription. */
export interface RpcCallContext {
  connectionId: number;
  transport: 'ws' | 'http';
}

/** A plain request/response method. Throw `RpcError` to return a specific JSON-RPC error. */
export type RpcMethod = (params: unknown[], ctx: RpcCallContext) => unknown | Promise<unknown>;

/** Where a running subscription pushes its notifications. */
export interface SubscriptionSink {
  /** The subscription id handed to the client. */
  readonly id: string;
  /** True once the subscription ended (close/error/unsubscribe/socket closed). */
  readonly closed: boolean;
  /** Send one notification `{ subscription: id, result }`. Ignored after the subscription ended. */
  next(result: unknown): void;
  /** Send an error notification `{ subscription: id, error }` and end the subscription. */
  error(error: unknown): void;
  /** End the subscription without telling the client (as jsonrpsee does). */
  close(): void;
}

export interface RpcSubscription {
  /** e.g. 'chain_newHead' */
  notification: string;
  /** e.g. ['chain_unsubscribeNewHead', 'chain_unsubscribeNewHeads'] */
  unsubscribe: string[];
  /** start it; call sink.next(result) for each notification, sink.error/close to end it; return a cleanup */
  start(params: unknown[], sink: SubscriptionSink, ctx: RpcCallContext): (() => void) | Promise<() => void>;
}

export type RpcMethodTable = Record<string, RpcMethod | RpcSubscription>;

/** Hooks to feed Prometheus (`substrate_rpc_calls_started/_finished/_time`, sessions). */
export interface RpcMetricsHooks {
  onCallStarted?(method: string): void;
  onCallFinished?(method: string, seconds: number, isError: boolean): void;
  onSessionOpened?(transport: 'ws' | 'http'): void;
  onSessionClosed?(transport: 'ws' | 'http'): void;
}

export interface RpcServerLimits {
  /** Max request body / WS message in bytes (Substrate: `--rpc-max-request-size` 15 MB). */
  maxRequestBytes: number;
  /** Max response body / WS message in bytes (Substrate: `--rpc-max-response-size` 15 MB). */
  maxResponseBytes: number;
  /** Max concurrent WS connections + in-flight HTTP requests (`--rpc-max-connections` 100). */
  maxConnections: number;
  /** `--rpc-max-subscriptions-per-connection` 1024. */
  maxSubscriptionsPerConnection: number;
  /** Max entries in a batch (`--rpc-max-batch-request-len`); undefined = unlimited. */
  maxBatchLength?: number | undefined;
  /**
   * WS messages above this size close the socket (code 1009) instead of getting a
   * "Request is too big" reply; defaults to 2 × maxRequestBytes (bounded memory per socket).
   */
  wsHardMaxMessageBytes?: number | undefined;
  /**
   * A WS client that does not read: once this many bytes wait in its send buffer the
   * connection is closed (1008) rather than buffering without bound (jsonrpsee bounds its
   * per-connection buffer the same way). Default 64 MiB.
   */
  maxBufferedBytes?: number | undefined;
}

/** `'all'` (or `'*'`) allows every origin; a list allows exactly those (`http://localhost:*` = any port). */
export type RpcCors = 'all' | readonly string[];

/** Body of GET /health, as Substrate serves it. */
export interface RpcHealth {
  isSyncing: boolean;
  peers: number;
  shouldHavePeers: boolean;
}

export interface RpcServerOptions {
  /** Interface to bind; default '127.0.0.1'. */
  host?: string;
  /** 0 = random free port. */
  port: number;
  methods: RpcMethodTable;
  logger: Logger;
  metrics?: RpcMetricsHooks;
  limits?: Partial<RpcServerLimits>;
  /** Default: Substrate's localhost list (`DEFAULT_RPC_CORS`). */
  cors?: RpcCors;
  /** Source for GET /health and /health/readiness; without it those paths return 404. */
  health?: () => RpcHealth | Promise<RpcHealth>;
}

export interface RpcServer {
  /** The bound port (useful with port 0). */
  readonly port: number;
  /** Open WS connections + in-flight HTTP requests. */
  readonly connectionCount: number;
  /** Stops listening, closes every socket and runs every subscription cleanup. */
  close(): Promise<void>;
}
