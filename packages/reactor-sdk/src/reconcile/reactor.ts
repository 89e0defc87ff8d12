import type { Deployment } from '@dinfra/ogate-contract';
import type { Backend, Logger, Resource } from '../backend.ts';
import { operationContext } from '../context.ts';
import type { ReactorStore } from '../store/index.ts';
import { diff, type Action } from './diff.ts';
import type { ReactorMetrics } from './metrics.ts';
import { Operations } from './operations.ts';
import { compileReactorOptions, type CompiledReactorOptions, type ReactorOptions } from './options.ts';
import { Prober } from './prober.ts';
import { Reporter } from './reporter.ts';
import { ReconcileState, type Tracked } from './state.ts';
import type { DesiredView } from './view.ts';
import { Watcher } from './watcher.ts';

export type { Tracked } from './state.ts';

/**
 * The level-triggered reconcile loop: OGate's long-poll wakes it, a complete listing and a
 * pass run at least every `resyncMs`; each pass diffs desired against `backend.list()`.
 * Its parts (watcher, operations, prober) share one `ReconcileState`, not the Reactor.
 */
export class Reactor {
  readonly #state: ReconcileState;
  readonly #o: CompiledReactorOptions;
  readonly #log: Logger;
  readonly #watcher: Watcher;
  readonly #ops: Operations;
  readonly #prober: Prober;
  readonly #stop = new AbortController();
  readonly #timers: NodeJS.Timeout[] = [];
  #passRunning: Promise<void> | undefined;
  #passAgain = false;
  #lastSweepAt = 0;
  #ready = false;

  constructor(options: ReactorOptions) {
    const o = (this.#o = compileReactorOptions(options));
    this.#state = new ReconcileState(o, this.#stop.signal);
    this.#log = o.log.child({ name: 'reconcile' });
    const reporter = new Reporter({ client: o.client, store: o.store, log: o.log.child({ name: 'report' }), onReport: (s, r) => this.metrics.reports.inc({ state: s, result: r }) });
    this.#watcher = new Watcher({ client: o.client, view: this.view, log: o.log.child({ name: 'watch' }), onChange: () => this.wake(), waitS: o.longPollS, resyncMs: o.resyncMs });
    this.#ops = new Operations({ state: this.#state, reporter, log: this.#log, onCreated: (name) => this.probeSoon(name) });
    this.#prober = new Prober({ state: this.#state, reporter, ops: this.#ops, log: o.log.child({ name: 'health' }) });
  }

  get view(): DesiredView {
    return this.#state.view;
  }

  get metrics(): ReactorMetrics {
    return this.#state.metrics;
  }

  get tracked(): Map<string, Tracked> {
    return this.#state.tracked;
  }

  /** (id/generation) OGate answered 409 for: not acted on until the view changes. */
  get stale(): Set<string> {
    return this.#state.stale;
  }

  /** Resource name -> reason: destroys that failed for good, not retried until a restart. */
  get destroyGivenUp(): Map<string, string> {
    return this.#state.destroyGivenUp;
  }

  /** When the reactor first saw each (id/generation) present: for award→running. */
  get seenAt(): Map<string, number> {
    return this.#state.seenAt;
  }

  get backend(): Backend {
    return this.#o.backend;
  }

  get store(): ReactorStore {
    return this.#o.store;
  }

  get provider(): string {
    return this.#state.provider;
  }

  get resyncMs(): number {
    return this.#o.resyncMs;
  }

  /** Ready once the first complete listing was reconciled. */
  get ready(): boolean {
    return this.#ready;
  }

  get stopped(): boolean {
    return this.#stop.signal.aborted;
  }

  /** Lists OGate (retrying until it answers), runs the first pass (which settles pending creates), then follows. */
  async start(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.#watcher.resync();
        break;
      } catch (err) {
        this.#log.warn({ err: (err as Error).message, attempt }, 'OGate not reachable yet');
        await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 5000)));
      }
    }
    await this.pass();
    this.#ready = true;
    this.#watcher.start();
    this.#timers.push(setInterval(() => this.wake(), this.resyncMs));
    this.#timers.push(setInterval(() => void this.#prober.probeAll(), this.#o.probeIntervalMs));
    for (const t of this.#timers) t.unref();
  }

  /** Asks for a pass (coalesced: at most one runs, and one more is queued). */
  wake(): void {
    if (this.stopped) return;
    if (this.#passRunning) {
      this.#passAgain = true;
      return;
    }
    this.#passRunning = this.pass().finally(() => {
      this.#passRunning = undefined;
      if (this.#passAgain) {
        this.#passAgain = false;
        this.wake();
      }
    });
  }

  /** One reconcile pass: list the backend, settle pending creates, diff, schedule the work. */
  async pass(): Promise<void> {
    const end = this.metrics.passSeconds.startTimer();
    const now = Date.now();
    try {
      const ctx = operationContext({ log: this.#log, signal: this.#stop.signal });
      const actual = await this.#o.backend.list(ctx);
      const types = new Set(this.#o.backend.types);
      const desired = this.view.all().filter((d) => types.has(d.type));
      const sweepDue = now - this.#lastSweepAt >= this.#o.orphanSweepMs;
      // Only a complete listing from this resync period may condemn a resource nobody claims.
      const sweepOrphans = sweepDue && now - this.view.lastCompleteAt < this.resyncMs;
      for (const d of desired) if (d.desired === 'present' && !this.seenAt.has(`${d.id}/${d.generation}`)) this.seenAt.set(`${d.id}/${d.generation}`, now);
      const actions = diff({
        desired, sweepOrphans, actual, provider: this.provider, now, graceMs: this.#o.graceMs,
        absentSince: (id) => this.store.absentSince.mark(id, now),
        failed: (id, g) => this.store.reports.get(id, g)?.state === 'failed' || this.stale.has(`${id}/${g}`),
      });
      this.#settlePending(actual, desired);
      this.#apply(actions);
      if (sweepOrphans) {
        this.#lastSweepAt = now;
        this.metrics.orphans.set(actions.filter((a) => a.kind === 'destroy' && a.why === 'orphan').length);
      }
      for (const d of desired) if (d.desired === 'present') this.store.absentSince.clear(d.id);
      this.metrics.desired.set(desired.filter((d) => d.desired === 'present').length);
      this.metrics.actual.reset();
      for (const r of actual) if (r.key.provider === this.provider) this.metrics.actual.inc({ state: r.state });
    } catch (err) {
      this.#log.error({ err }, 'reconcile pass failed');
    } finally {
      end();
    }
  }

  /** Pending records whose resource is listed are adopted; those no deployment wants are dropped. */
  #settlePending(actual: readonly Resource[], desired: readonly Deployment[]): void {
    const listed = new Set(actual.map((r) => r.name));
    for (const p of this.store.pending.all()) {
      if (this.#ops.inFlight(p.name)) continue;
      const d = desired.find((x) => x.id === p.key.id && x.generation === p.key.generation && x.desired === 'present');
      if (!d && !listed.has(p.name)) {
        this.store.pending.remove(p.name);
        this.#log.info({ resource: p.name }, 'pending create no longer wanted and never made: dropped');
      }
    }
  }

  #apply(actions: readonly Action[]): void {
    const keep = new Set<string>();
    for (const a of actions) {
      if (a.kind === 'create') this.#ops.create(a.deployment, a.key, a.name);
      else if (a.kind === 'destroy') this.#ops.destroy(a.resource, a.why);
      else if (a.kind === 'grace') setTimeout(() => this.wake(), a.remainingMs + 10).unref();
      else {
        keep.add(a.resource.name);
        const t = this.tracked.get(a.resource.name);
        this.tracked.set(a.resource.name, { deployment: a.deployment, resource: a.resource });
        // Settle a create a crash interrupted (pending record, or the resource still half made): create adopts.
        if (this.store.pending.has(a.resource.name) || a.resource.state === 'creating') this.#ops.create(a.deployment, a.resource.key, a.resource.name);
        else if (!t) void this.#prober.probe(a.resource.name);
      }
    }
    for (const name of this.tracked.keys()) if (!keep.has(name) && !this.#ops.inFlight(name)) this.tracked.delete(name);
  }

  /**
   * After a create: probe every 500 ms until the deployment is reported running (or the
   * start-up grace ends), so award→running does not wait for the next probe period.
   */
  probeSoon(name: string): void {
    const until = Date.now() + this.#o.startupGraceMs;
    const tick = async (): Promise<void> => {
      const t = this.tracked.get(name);
      if (!t || this.stopped || Date.now() > until) return;
      await this.#prober.probe(name);
      if (this.store.reports.get(t.resource.key.id, t.resource.key.generation)?.state === 'running') return;
      setTimeout(() => void tick(), 500).unref();
    };
    void tick();
  }

  /** Stops the loop (the backend's resources stay; a new reactor adopts them). */
  async stop(): Promise<void> {
    this.#stop.abort(new Error('reactor stopping'));
    for (const t of this.#timers) clearInterval(t);
    await this.#watcher.stop();
    await this.#passRunning?.catch(() => undefined);
    await this.#ops.idle();
    await this.#o.backend.close?.();
  }

  nameOf(d: Deployment): string {
    return this.#state.nameOf(d);
  }
}
