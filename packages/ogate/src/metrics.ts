/** OGate's Prometheus metrics (prom-client, one registry per process). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface OGateMetrics {
  registry: Registry;
  awardToServed: Histogram;
  reportToInBlock: Histogram;
  reportToFinalized: Histogram;
  outboxDepth: Gauge;
  cursorLag: Gauge;
  cursor: Gauge;
  deployments: Gauge<'type' | 'state' | 'desired'>;
  descriptorFailures: Counter<'cause'>;
  extrinsics: Counter<'outcome'>;
  reportsQueued: Counter<'kind'>;
}

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120];

export function createMetrics(): OGateMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dinfra_ogate_process_' });
  const r = [registry];
  return {
    registry,
    awardToServed: new Histogram({ name: 'dinfra_ogate_award_to_served_seconds', help: 'From processing a finalized award to serving the verified deployment', buckets: LATENCY_BUCKETS, registers: r }),
    reportToInBlock: new Histogram({ name: 'dinfra_ogate_report_to_in_block_seconds', help: 'From accepting a report to its extrinsic in a block', buckets: LATENCY_BUCKETS, registers: r }),
    reportToFinalized: new Histogram({ name: 'dinfra_ogate_report_to_finalized_seconds', help: 'From accepting a report to its extrinsic in a finalized block', buckets: LATENCY_BUCKETS, registers: r }),
    outboxDepth: new Gauge({ name: 'dinfra_ogate_outbox_depth', help: 'Reports not yet final (queued, submitted, in block)', registers: r }),
    cursorLag: new Gauge({ name: 'dinfra_ogate_cursor_lag_blocks', help: 'Finalized blocks not yet processed', registers: r }),
    cursor: new Gauge({ name: 'dinfra_ogate_cursor_block', help: 'The last processed finalized block', registers: r }),
    deployments: new Gauge({ name: 'dinfra_ogate_deployments', help: 'Served deployments by type, chain state and desired state', labelNames: ['type', 'state', 'desired'], registers: r }),
    descriptorFailures: new Counter({ name: 'dinfra_ogate_descriptor_failures_total', help: 'Descriptors rejected, by cause', labelNames: ['cause'], registers: r }),
    extrinsics: new Counter({ name: 'dinfra_ogate_extrinsics_total', help: 'Outbox extrinsics by outcome', labelNames: ['outcome'], registers: r }),
    reportsQueued: new Counter({ name: 'dinfra_ogate_reports_queued_total', help: 'Reports queued in the outbox, by kind', labelNames: ['kind'], registers: r }),
  };
}
