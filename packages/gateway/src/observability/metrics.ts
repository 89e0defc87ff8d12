import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The gateway's Prometheus metrics, on its own registry. */
export class GatewayMetrics {
  readonly registry = new Registry();
  /** Request → response, paired by id; `upstream` is the node's name, `cache` or `gateway`. */
  readonly requestDuration = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'JSON-RPC latency from the client request to its response, per method, upstream and pool (subscribe calls included)',
    labelNames: ['method', 'upstream', 'pool'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Latency of requests the gateway sent to each upstream, per method',
    labelNames: ['method', 'upstream'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'gateway_errors_total',
    help: 'JSON-RPC error answers per method, error code and pool',
    labelNames: ['method', 'code', 'pool'] as const,
    registers: [this.registry],
  });
  readonly requests = new Counter({ name: 'gateway_requests_total', help: 'JSON-RPC requests per method and pool', labelNames: ['method', 'pool'] as const, registers: [this.registry] });
  readonly notifications = new Counter({ name: 'gateway_notifications_total', help: 'Subscription notifications sent to clients per notification method', labelNames: ['method'] as const, registers: [this.registry] });
  readonly subscriptions = new Gauge({ name: 'gateway_subscriptions', help: 'Live client subscriptions per subscribe method', labelNames: ['method'] as const, registers: [this.registry] });
  readonly subscriptionMoves = new Counter({ name: 'gateway_subscription_moves_total', help: 'Legacy subscriptions moved to another upstream after theirs died', registers: [this.registry] });
  readonly gapHeads = new Counter({ name: 'gateway_gap_heads_total', help: 'Heads fetched to fill a gap after a subscription moved', registers: [this.registry] });
  readonly retries = new Counter({ name: 'gateway_retries_total', help: 'Reads retried on another upstream', labelNames: ['method', 'reason'] as const, registers: [this.registry] });
  readonly cache = new Counter({ name: 'gateway_cache_total', help: 'Immutable-answer cache lookups', labelNames: ['result'] as const, registers: [this.registry] });
  readonly refused = new Counter({ name: 'gateway_refused_total', help: 'Requests or connections refused by a limit or the allow-list', labelNames: ['reason'] as const, registers: [this.registry] });
  readonly connections = new Gauge({ name: 'gateway_connections', help: 'Open client WebSocket connections', registers: [this.registry] });
  readonly upstreamUsable = new Gauge({ name: 'gateway_upstream_usable', help: '1 while the upstream is connected and healthy', labelNames: ['upstream'] as const, registers: [this.registry] });
  readonly upstreamOutstanding = new Gauge({ name: 'gateway_upstream_outstanding', help: 'Requests in flight per upstream', labelNames: ['upstream'] as const, registers: [this.registry] });
  readonly upstreamEwma = new Gauge({ name: 'gateway_upstream_latency_ewma_seconds', help: 'Measured latency (EWMA) per upstream, used for routing', labelNames: ['upstream'] as const, registers: [this.registry] });
  readonly upstreamBest = new Gauge({ name: 'gateway_upstream_best_block', help: 'Best block per upstream at the last probe', labelNames: ['upstream'] as const, registers: [this.registry] });
  readonly requestBytes = new Counter({ name: 'gateway_request_bytes_total', help: 'Bytes of JSON-RPC requests received per method and pool', labelNames: ['method', 'pool'] as const, registers: [this.registry] });
  readonly responseBytes = new Counter({ name: 'gateway_response_bytes_total', help: 'Bytes of JSON-RPC answers sent per method and pool', labelNames: ['method', 'pool'] as const, registers: [this.registry] });
  readonly callerRequests = new Counter({ name: 'gateway_caller_requests_total', help: 'JSON-RPC requests per API key (callers without a key are "-") and pool', labelNames: ['key', 'pool'] as const, registers: [this.registry] });
  readonly hedges = new Counter({ name: 'gateway_hedges_total', help: 'Reads sent once more to another upstream after the pool\'s latency quantile (sent), and how many of those answered first (won)', labelNames: ['pool', 'outcome'] as const, registers: [this.registry] });
  readonly upstreamSessions = new Gauge({ name: 'gateway_upstream_sessions', help: 'Client WebSocket sessions anchored on each upstream', labelNames: ['upstream', 'pool'] as const, registers: [this.registry] });
  readonly sessionMoves = new Counter({ name: 'gateway_session_moves_total', help: 'WebSocket sessions moved to another upstream (rebalance after scale-out, or drain)', labelNames: ['pool', 'reason'] as const, registers: [this.registry] });
  readonly headFloorRetries = new Counter({ name: 'gateway_head_floor_retries_total', help: 'Answers re-asked elsewhere because they were behind a head the client had already seen', labelNames: ['pool'] as const, registers: [this.registry] });
  readonly accessLines = new Counter({ name: 'gateway_access_log_lines_total', help: 'Access-log lines written (kept) and calls sampled out (skipped)', labelNames: ['result'] as const, registers: [this.registry] });
  readonly upstreamChanges = new Counter({ name: 'gateway_upstream_changes_total', help: 'Upstreams added or removed at run time (SIGHUP reload or admin API)', labelNames: ['pool', 'change'] as const, registers: [this.registry] });
  readonly probes = new Counter({ name: 'gateway_upstream_probes_total', help: 'Health probes per upstream and verdict', labelNames: ['upstream', 'verdict'] as const, registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'gateway_' });
  }
}
