import type { Deployment } from '@dinfra/ogate-contract';
import type { Logger, Resource } from '../backend.ts';
import { operationContext } from '../context.ts';
import { probeSubstrate, type ProbeResult } from '../health/probe.ts';
import { probePorts } from '../launch/endpoints.ts';
import { HealthTracker } from '../health/tracker.ts';
import { StaleGenerationError } from './errors.ts';
import type { Operations } from './operations.ts';
import { NODE_TYPES } from './options.ts';
import type { Reporter } from './reporter.ts';
import { Semaphore } from './semaphore.ts';
import type { ReconcileState } from './state.ts';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Health of what runs: probes every tracked resource, reports `running` with endpoints once
 * healthy, restarts an unhealthy one first, `degraded` if it stays unhealthy, `running` again
 * when it recovers.
 */
export class Prober {
  readonly #trackers = new Map<string, HealthTracker>();
  readonly #probing = new Set<string>();
  readonly #sem = new Semaphore(16);

  constructor(private readonly o: { state: ReconcileState; reporter: Reporter; ops: Operations; log: Logger }) {}

  async probeAll(): Promise<void> {
    for (const name of this.#trackers.keys()) if (!this.o.state.tracked.has(name)) this.#trackers.delete(name);
    await Promise.all([...this.o.state.tracked.keys()].map((n) => this.probe(n)));
  }

  #check(d: Deployment, r: Resource): Promise<ProbeResult> {
    if (this.o.state.options.probe) return this.o.state.options.probe(d, r);
    if (!NODE_TYPES.has(d.type)) {
      if (r.state !== 'running') return Promise.resolve({ ok: false, reason: `backend state ${r.state}` });
      // cloud-init: running, and every declared port (tcp:// / https:// endpoint) accepts TCP connections.
      if (d.type === 'cloud-init') return probePorts(r.endpoints).then((reason) => (reason ? { ok: false, reason } : { ok: true }));
      return Promise.resolve({ ok: true });
    }
    const ep = r.endpoints[0];
    if (!ep) return Promise.resolve({ ok: false, reason: 'no endpoint' });
    const expectedGenesis = this.o.state.options.expectedGenesis?.(d);
    return probeSubstrate(ep, expectedGenesis ? { expectedGenesis } : {});
  }

  async probe(name: string): Promise<void> {
    const { state, ops } = this.o;
    if (this.#probing.has(name) || ops.inFlight(name) || state.stopped) return;
    this.#probing.add(name);
    try {
      await this.#sem.run(() => this.#probe(name));
    } catch (err) {
      if (err instanceof StaleGenerationError) {
        const t = state.tracked.get(name);
        if (t) state.stale.add(`${t.deployment.id}/${t.deployment.generation}`);
      } else this.o.log.warn({ resource: name, err: (err as Error).message }, 'probe or report failed');
    } finally {
      this.#probing.delete(name);
    }
  }

  async #probe(name: string): Promise<void> {
    const { state, reporter } = this.o;
    const options = state.options;
    const t = state.tracked.get(name);
    if (!t) return;
    const d = state.view.get(t.deployment.id) ?? t.deployment;
    const g = t.resource.key.generation;
    if (d.desired !== 'present' || d.generation !== g || state.stale.has(`${d.id}/${g}`)) return;
    const policy = options.health;
    let tracker = this.#trackers.get(name);
    if (!tracker) this.#trackers.set(name, (tracker = new HealthTracker(Date.now(), policy)));
    const result = await this.#check(d, t.resource);
    const now = Date.now();
    const verdict = tracker.observe(result, now, options.referenceHead?.(d));
    let last = reporter.last(d.id, g);
    const log = this.o.log.child({ subscription: d.id, generation: g, resource: name });
    if (verdict.healthy) {
      if (last?.state === 'failed') return;
      if (!last) {
        await reporter.report(d.id, g, { state: 'provisioning' });
        last = reporter.last(d.id, g);
      }
      const endpoints = t.resource.endpoints.slice(0, 8);
      if (last?.state !== 'running' || !sameList(last.endpoints, endpoints)) {
        if (endpoints.length === 0) return void log.error('healthy but the backend gave no endpoint: cannot report running');
        const firstRunning = last?.state === 'provisioning';
        await reporter.report(d.id, g, { state: 'running', endpoints });
        const seen = state.seenAt.get(`${d.id}/${g}`);
        if (firstRunning && seen !== undefined) state.metrics.awardToRunning.observe((now - seen) / 1000);
      }
      return;
    }
    state.metrics.probeFailures.inc();
    const everRunning = last?.state === 'running' || last?.state === 'degraded';
    log.warn({ reason: verdict.reason, failures: verdict.failures }, 'unhealthy');
    const limit = options.portProbeLimit;
    if (!everRunning && d.type === 'cloud-init' && verdict.failures >= limit) {
      // A declared port that never opens: Failed{reason}, not a restart loop (the award is released).
      const reason = `never became ready after ${verdict.failures} probes: ${verdict.reason}`;
      log.error({ reason }, 'cloud-init deployment never ready: reporting failed');
      await reporter.report(d.id, g, { state: 'failed', reason });
      return;
    }
    if (!everRunning && now - tracker.createdAt < options.startupGraceMs) return;
    const interval = options.probeIntervalMs;
    // A restarted node needs its start-up time again: no second restart before that (no restart storm under load).
    const cooldown = Math.max(interval * policy.restartAfter, options.startupGraceMs);
    if (verdict.failures >= policy.restartAfter && state.backend.restart && now - tracker.lastRestartAt >= cooldown) {
      tracker.lastRestartAt = now;
      state.metrics.restarts.inc();
      log.warn('restarting (self-heal)');
      const r = await state.backend.restart(t.resource, operationContext({ log, signal: AbortSignal.timeout(120_000), checkpoint: state.store.checkpoints.for(name) }));
      state.tracked.set(name, { deployment: t.deployment, resource: r });
    }
    if (last?.state === 'running' && verdict.failures >= policy.degradedAfter) await reporter.report(d.id, g, { state: 'degraded' });
  }
}
