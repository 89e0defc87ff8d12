import type { Deployment } from '@dinfra/ogate-contract';
import { PermanentBackendError, type Logger, type Resource, type ResourceKey } from '../backend.ts';
import { operationContext } from '../context.ts';
import { crashPoint } from '../crash-point.ts';
import { resourceTags } from '../naming.ts';
import { StaleGenerationError } from './errors.ts';
import type { Reporter } from './reporter.ts';
import type { ReconcileState } from './state.ts';
import { withRetries } from './retry.ts';
import { Semaphore } from './semaphore.ts';

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Creates and destroys, bounded in number, one at a time per resource name, with retries. */
export class Operations {
  readonly #inflight = new Map<string, Promise<void>>();
  readonly #sem: Semaphore;

  /** `onCreated(name)`: a create finished (the reactor probes it soon). */
  constructor(private readonly o: { state: ReconcileState; reporter: Reporter; log: Logger; onCreated: (name: string) => void }) {
    this.#sem = new Semaphore(o.state.options.concurrency);
  }

  inFlight(name: string): boolean {
    return this.#inflight.has(name);
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.#inflight.values()]);
  }

  #run(name: string, f: () => Promise<void>): void {
    if (this.#inflight.has(name) || this.o.state.stopped) return;
    const m = this.o.state.metrics.inflight;
    m.inc();
    const p = this.#sem.run(f).catch((err) => this.o.log.error({ resource: name, err }, 'operation failed')).finally(() => {
      this.#inflight.delete(name);
      m.dec();
    });
    this.#inflight.set(name, p);
  }

  create(d: Deployment, key: ResourceKey, name: string): void {
    this.#run(name, () => this.#create(d, key, name));
  }

  async #create(d: Deployment, key: ResourceKey, name: string): Promise<void> {
    const { state, reporter } = this.o;
    const options = state.options;
    const log = this.o.log.child({ subscription: d.id, generation: d.generation, resource: name });
    try {
      // Acknowledge the award first (the chain's AckTimeout), unless already past it.
      const last = reporter.last(d.id, d.generation);
      if (!last) await reporter.report(d.id, d.generation, { state: 'provisioning' });
      crashPoint('after-provisioning-report');
    } catch (err) {
      if (err instanceof StaleGenerationError) return void state.stale.add(`${d.id}/${d.generation}`);
      log.warn({ err: describe(err) }, 'could not report provisioning yet; creating anyway');
    }
    state.store.pending.add({ name, key, type: d.type });
    crashPoint('after-pending-create');
    const spec = { key, name, tags: resourceTags(key), type: d.type, descriptor: d.descriptor, secrets: d.secrets };
    const end = state.metrics.createSeconds.startTimer();
    let resource: Resource;
    try {
      resource = await withRetries(options.createRetry, state.signal, (attempt) =>
        state.backend.create(spec, operationContext({ log, attempt, signal: state.signal, checkpoint: state.store.checkpoints.for(name) })),
      (err, attempt, waitMs) => log.warn({ err: describe(err), attempt, retryInMs: waitMs }, 'create failed: retrying'));
    } catch (err) {
      if (state.signal.aborted) return; // stopping: the pending record settles it at the next start
      end({ result: 'failed' });
      const reason = err instanceof PermanentBackendError ? `${err.code}: ${err.message}` : describe(err);
      log.error({ err: reason }, 'create failed for good: reporting failed');
      await reporter.report(d.id, d.generation, { state: 'failed', reason }).catch((e) => {
        if (e instanceof StaleGenerationError) state.stale.add(`${d.id}/${d.generation}`);
        else throw e;
      });
      state.store.pending.remove(name);
      return;
    }
    end({ result: 'ok' });
    crashPoint('after-create');
    state.store.pending.remove(name);
    log.info({ endpoints: resource.endpoints, backendId: resource.backendId }, 'created');
    state.tracked.set(name, { deployment: d, resource });
    this.o.onCreated(name);
  }

  destroy(resource: Resource, why: 'absent' | 'old-generation' | 'orphan'): void {
    this.#run(resource.name, () => this.#destroy(resource, why));
  }

  async #destroy(resource: Resource, why: string): Promise<void> {
    const { state, reporter } = this.o;
    const log = this.o.log.child({ subscription: resource.key.id, generation: resource.key.generation, resource: resource.name });
    if (state.destroyGivenUp.has(resource.name)) return;
    const end = state.metrics.destroySeconds.startTimer({ why });
    try {
      await withRetries(state.options.destroyRetry, state.signal, (attempt) =>
        state.backend.destroy(resource, operationContext({ log, attempt, signal: state.signal, checkpoint: state.store.checkpoints.for(resource.name) })));
    } catch (err) {
      if (state.signal.aborted) throw err;
      const permanent = err instanceof PermanentBackendError;
      state.metrics.destroyFailures.inc({ code: permanent ? err.code : 'retryable' });
      if (!permanent) throw err; // the next pass tries again; the backend caps its own attempts
      // Failed for good: not retried (no endless loop) until the reactor restarts; reported and counted.
      const reason = `${err.code}: ${err.message}`;
      state.destroyGivenUp.set(resource.name, reason);
      state.metrics.destroysGivenUp.set(state.destroyGivenUp.size);
      log.error({ err: reason, why }, 'destroy failed for good: giving up until the reactor restarts');
      await reporter.report(resource.key.id, resource.key.generation, { state: 'failed', reason }).catch((e: unknown) => log.warn({ err: describe(e) }, 'could not report the failed destroy'));
      return;
    }
    end();
    if (why === 'orphan') state.metrics.orphansDestroyed.inc();
    state.tracked.delete(resource.name);
    state.store.checkpoints.clear(resource.name);
    state.store.pending.remove(resource.name);
    log.info({ why }, 'destroyed');
  }
}
