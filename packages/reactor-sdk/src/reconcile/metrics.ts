import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const seconds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300];

/** The reactor's Prometheus metrics (`/metrics`), in their own registry. */
export class ReactorMetrics {
  readonly registry = new Registry();
  readonly desired = new Gauge({ name: 'dinfra_reactor_desired_deployments', help: 'Deployments OGate wants present (of the backend types)', registers: [this.registry] });
  readonly actual = new Gauge({ name: 'dinfra_reactor_actual_resources', help: 'Resources the backend lists for this provider', labelNames: ['state'] as const, registers: [this.registry] });
  readonly orphans = new Gauge({ name: 'dinfra_reactor_orphans', help: 'Tagged resources no deployment claims (at the last sweep)', registers: [this.registry] });
  readonly orphansDestroyed = new Counter({ name: 'dinfra_reactor_orphans_destroyed_total', help: 'Orphans destroyed by the sweep', registers: [this.registry] });
  readonly createSeconds = new Histogram({ name: 'dinfra_reactor_create_seconds', help: 'Backend create duration (all attempts)', labelNames: ['result'] as const, buckets: seconds, registers: [this.registry] });
  readonly destroySeconds = new Histogram({ name: 'dinfra_reactor_destroy_seconds', help: 'Backend destroy duration', labelNames: ['why'] as const, buckets: seconds, registers: [this.registry] });
  readonly probeFailures = new Counter({ name: 'dinfra_reactor_probe_failures_total', help: 'Failed health probes', registers: [this.registry] });
  readonly restarts = new Counter({ name: 'dinfra_reactor_restarts_total', help: 'Self-heal restarts', registers: [this.registry] });
  readonly awardToRunning = new Histogram({ name: 'dinfra_reactor_award_to_running_seconds', help: 'From the reactor first seeing an award to its running report', buckets: seconds, registers: [this.registry] });
  readonly passSeconds = new Histogram({ name: 'dinfra_reactor_reconcile_pass_seconds', help: 'Duration of one reconcile pass (list + diff + scheduling)', buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [this.registry] });
  readonly reports = new Counter({ name: 'dinfra_reactor_reports_total', help: 'Status reports sent to OGate', labelNames: ['state', 'result'] as const, registers: [this.registry] });
  readonly destroyFailures = new Counter({ name: 'dinfra_reactor_destroy_failures_total', help: 'Destroys that failed after their retries (code: the backend error code, or retryable)', labelNames: ['code'] as const, registers: [this.registry] });
  readonly destroysGivenUp = new Gauge({ name: 'dinfra_reactor_destroys_given_up', help: 'Resources whose destroy failed for good: not retried until the reactor restarts (alert on > 0)', registers: [this.registry] });
  readonly inflight = new Gauge({ name: 'dinfra_reactor_operations_in_flight', help: 'Creates and destroys running now', registers: [this.registry] });

  constructor(o: { defaultMetrics?: boolean } = {}) {
    if (o.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'dinfra_reactor_' });
  }
}
