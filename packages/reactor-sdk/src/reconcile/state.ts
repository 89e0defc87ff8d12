/**
 * What the reconcile loop's parts share (the reactor, its operations and its prober): the
 * compiled options, the desired view and the bookkeeping of a running reactor. Each part gets
 * this, never the Reactor itself, so no part imports another in a circle.
 */
import type { Deployment } from '@dinfra/ogate-contract';
import type { Backend, Resource } from '../backend.ts';
import { resourceName } from '../naming.ts';
import type { ReactorStore } from '../store/index.ts';
import type { CompiledReactorOptions } from './options.ts';
import { DesiredView } from './view.ts';

/** A resource the reactor keeps alive: probed, restarted, reported. */
export interface Tracked {
  deployment: Deployment;
  resource: Resource;
}

export class ReconcileState {
  readonly view = new DesiredView();
  readonly tracked = new Map<string, Tracked>();
  /** (id/generation) OGate answered 409 for: not acted on until the view changes. */
  readonly stale = new Set<string>();
  /** Resource name -> reason: destroys that failed for good, not retried until a restart. */
  readonly destroyGivenUp = new Map<string, string>();
  /** When the reactor first saw each (id/generation) present: for award→running. */
  readonly seenAt = new Map<string, number>();

  constructor(readonly options: CompiledReactorOptions, readonly signal: AbortSignal) {}

  get metrics() {
    return this.options.metrics;
  }

  get backend(): Backend {
    return this.options.backend;
  }

  get store(): ReactorStore {
    return this.options.store;
  }

  /** The provider's SS58 address (names every resource). */
  get provider(): string {
    return this.options.provider.current.account;
  }

  get stopped(): boolean {
    return this.signal.aborted;
  }

  nameOf(d: Deployment): string {
    return resourceName({ provider: this.provider, id: d.id, generation: d.generation });
  }
}
