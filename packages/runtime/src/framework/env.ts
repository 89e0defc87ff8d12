import { Overlay, type StateAccess, type StateChanges, type StateReader } from './state.ts';
import type { Origin } from './origin.ts';
import type { Runtime, RuntimeCallValue } from './runtime.ts';
import { DispatchFailure } from './dispatch-error.ts';

export type PhaseValue = { type: 'ApplyExtrinsic'; value: number } | { type: 'Finalization' } | { type: 'Initialization' };

export interface EventRecordValue {
  phase: PhaseValue;
  event: { type: string; value: unknown };
  topics: string[];
}

/** Maximum depth of nested transactional layers, as in FRAME. */
const MAX_LAYERS = 255;

/**
 * The environment a block (or a runtime API call) executes in: layered state with
 * transactional rollback, the events deposited so far, and the current phase.
 */
export class Env {
  readonly #layers: Overlay[];
  events: EventRecordValue[] = [];
  phase: PhaseValue = { type: 'Initialization' };
  /** ref_time used by the extrinsics applied so far in this block. */
  blockWeight = 0n;
  /** Bytes of the extrinsics applied so far in this block. */
  blockLength = 0;

  /** `options.cacheReads`: the backend is an immutable snapshot, so reads from it may be cached. */
  constructor(
    readonly runtime: Runtime,
    backend: StateReader,
    public blockNumber: number,
    options: { cacheReads?: boolean } = {},
  ) {
    this.#layers = [new Overlay(backend, options.cacheReads ?? false)];
  }

  /** The current (innermost) state layer. */
  get state(): StateAccess {
    return this.#layers[this.#layers.length - 1]!;
  }

  /** Everything written since the environment was created, relative to the backend. */
  changes(): StateChanges {
    if (this.#layers.length !== 1) throw new Error('changes() inside a transactional layer');
    return this.#layers[0]!.changes;
  }

  /** Runs `fn` in a storage layer: kept when it returns, rolled back (with its events) when it throws. */
  transactional<R>(fn: () => R): R {
    if (this.#layers.length >= MAX_LAYERS) {
      throw new DispatchFailure({ type: 'Transactional', value: { type: 'LimitReached' } });
    }
    const layer = new Overlay(this.state);
    const eventMark = this.events.length;
    this.#layers.push(layer);
    try {
      const out = fn();
      this.#layers.pop();
      layer.commitTo(this.state);
      return out;
    } catch (e) {
      this.#layers.pop();
      this.events.length = eventMark;
      throw e;
    }
  }

  depositEvent(event: { type: string; value: unknown }, topics: string[] = []): void {
    this.events.push({ phase: this.phase, event, topics });
  }

  /** Dispatches a runtime call with `origin` (used by Sudo and Utility). */
  dispatch(origin: Origin, call: RuntimeCallValue): void {
    this.runtime.dispatch(this, origin, call);
  }
}
