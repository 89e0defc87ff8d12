import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Fine enough for the p95 of calls that take a few milliseconds, and still up to 10 s. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.0125, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2,
  0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10,
];

/** The monitor's Prometheus metrics, on its own registry (the shipped alert rules use these names). */
export class MonitorMetrics {
  readonly registry = new Registry();
  private readonly r = [this.registry];
  readonly callDuration = new Histogram({ name: 'dinfra_monitor_call_duration_seconds', help: 'Latency of each probe call per target and method', labelNames: ['target', 'provider', 'method'] as const, buckets: LATENCY_BUCKETS, registers: this.r });
  readonly checks = new Counter({ name: 'dinfra_monitor_checks_total', help: 'Check rounds per target and status (up, degraded, down)', labelNames: ['target', 'provider', 'status'] as const, registers: this.r });
  readonly failures = new Counter({ name: 'dinfra_monitor_check_failures_total', help: 'Failing checks per target and check', labelNames: ['target', 'provider', 'check'] as const, registers: this.r });
  readonly up = new Gauge({ name: 'dinfra_monitor_target_up', help: '1 while the target serves its chain (status up or degraded) at the last round', labelNames: ['target', 'provider'] as const, registers: this.r });
  readonly best = new Gauge({ name: 'dinfra_monitor_best_block', help: 'Best block at the last round', labelNames: ['target', 'provider'] as const, registers: this.r });
  readonly headLag = new Gauge({ name: 'dinfra_monitor_head_lag_blocks', help: 'Blocks behind the network at the last round', labelNames: ['target', 'provider'] as const, registers: this.r });
  readonly finalityLag = new Gauge({ name: 'dinfra_monitor_finality_lag_blocks', help: 'Best minus finalized at the last round', labelNames: ['target', 'provider'] as const, registers: this.r });
  readonly headAge = new Gauge({ name: 'dinfra_monitor_head_age_seconds', help: 'Seconds since the target\'s best block last changed', labelNames: ['target', 'provider'] as const, registers: this.r });
  readonly incidentsOpen = new Gauge({ name: 'dinfra_monitor_incidents_open', help: 'Open incidents per target', labelNames: ['target', 'provider'] as const, registers: this.r });
  readonly lastRound = new Gauge({ name: 'dinfra_monitor_last_round_timestamp_seconds', help: 'When this monitor last finished a check round (liveness)', registers: this.r });
  readonly blocksLeft = new Gauge({ name: 'dinfra_monitor_subscription_blocks_left', help: 'Blocks until the subscription\'s deposit runs out, read from the chain', labelNames: ['subscription', 'target'] as const, registers: this.r });
  readonly webhookQueue = new Gauge({ name: 'dinfra_monitor_webhook_pending', help: 'Webhook deliveries waiting in the durable queue', registers: this.r });
  readonly webhookAttempts = new Counter({ name: 'dinfra_monitor_webhook_attempts_total', help: 'Webhook delivery attempts per result', labelNames: ['result'] as const, registers: this.r });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dinfra_monitor_' });
  }
}
