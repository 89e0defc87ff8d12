import { SPEC_VERSION } from '../dinfra-runtime.ts';
import type { Env } from '../framework/env.ts';
import type { Origin } from '../framework/origin.ts';
import type { RuntimeCallValue } from '../framework/runtime.ts';
import type { StateReader } from '../framework/state.ts';
import { Harness, type DispatchOutcome, type HarnessObserver } from '../testing/harness.ts';
import { touchesChecked, vectorCall, vectorError, vectorEvents, vectorOrigin, vectorState } from './encode.ts';
import { RECORDED_PALLETS, VECTOR_FORMAT, type Vector, type VectorBlock, type VectorCall, type VectorState } from './format.ts';

/** What a scenario starts from. */
export interface VectorGenesisSpec {
  /** Accounts (0x-hex) and their free balances. */
  balances: Array<[string, bigint]>;
  /** Deployment types after the four built-ins, as UTF-8 strings. */
  deploymentTypes?: Array<{ name: string; schemaCid: string }>;
  /** The accounts whose balances are checked; default every account of `balances`. */
  checkedAccounts?: string[];
}

export interface VectorSpec {
  name: string;
  description: string;
  source: string;
  genesis: VectorGenesisSpec;
}

const utf8Hex = (s: string): string => '0x' + Buffer.from(s, 'utf8').toString('hex');

/** A harness at the genesis of `g`, block 1 open. */
export function harnessFor(g: { balances: Array<[string, bigint]>; deploymentTypes?: Array<{ name: string; schemaCid: string }> }): Harness {
  return Harness.create({ balances: g.balances, genesis: { providers: { deploymentTypes: g.deploymentTypes ?? [] } } });
}

const quiet = (b: VectorBlock): boolean =>
  b.calls.length === 0 && b.initialize_events.length === 0 && b.finalize_events.length === 0;

const sameState = (a: VectorState, b: VectorState): boolean =>
  a.storage_root === b.storage_root && JSON.stringify(a.accounts) === JSON.stringify(b.accounts);

/**
 * Records a vector from a harness: set as its observer, it turns each dispatch into a call
 * step and each finalized block into a block entry (consecutive quiet blocks with the same
 * state into one entry with `through`).
 *
 * @example
 * ```ts
 * const v = recordVector(spec, (h) => { h.tx(alice, 'Providers', 'pause'); h.nextBlock(); });
 * ```
 */
export class Recorder implements HarnessObserver {
  readonly blocks: VectorBlock[] = [];
  readonly accounts: string[];
  #open: Pick<VectorBlock, 'number' | 'initialize_events' | 'calls'>;
  #step = 0;

  constructor(readonly h: Harness, accounts: string[]) {
    this.accounts = accounts;
    this.#open = this.#begin(h.env);
  }

  #begin(env: Env): Pick<VectorBlock, 'number' | 'initialize_events' | 'calls'> {
    const init = env.events.filter((e) => e.phase.type === 'Initialization');
    return { number: env.blockNumber, initialize_events: vectorEvents(this.h.runtime, init), calls: [] };
  }

  dispatched(origin: Origin, call: RuntimeCallValue, outcome: DispatchOutcome): void {
    const rt = this.h.runtime;
    const step: VectorCall = {
      step: this.#step++,
      origin: vectorOrigin(origin),
      call: vectorCall(rt, call),
      result: { ok: outcome.ok, error: outcome.error ? vectorError(rt, outcome.error) : null },
      events: vectorEvents(rt, outcome.events),
    };
    this.#open.calls.push(step);
  }

  finalized(env: Env, backend: StateReader): void {
    const fin = env.events.filter((e) => e.phase.type === 'Finalization');
    const last = this.blocks[this.blocks.length - 1];
    // A block that wrote nothing a vector checks has the state of the block before (the
    // shortcut keeps 14,400 quiet blocks cheap).
    const unchanged = last && !touchesChecked(env);
    const state = unchanged ? { storage: last.storage, storage_root: last.storage_root, accounts: last.accounts } : vectorState(this.h.runtime, backend, this.accounts);
    const block: VectorBlock = {
      number: this.#open.number,
      through: this.#open.number,
      initialize_events: this.#open.initialize_events,
      calls: this.#open.calls,
      finalize_events: vectorEvents(this.h.runtime, fin),
      ...state,
    };
    if (last && quiet(last) && quiet(block) && sameState(last, block) && last.through + 1 === block.number) last.through = block.number;
    else this.blocks.push(block);
  }

  begun(env: Env): void {
    this.#open = this.#begin(env);
  }
}

/**
 * Runs `scenario` on a harness at `spec.genesis` and returns the vector it made. The block
 * open when the scenario returns is finalized and recorded too.
 */
export function recordVector(spec: VectorSpec, scenario: (h: Harness) => void): Vector {
  const h = harnessFor(spec.genesis);
  const accounts = spec.genesis.checkedAccounts ?? spec.genesis.balances.map(([a]) => a);
  const genesisState = vectorState(h.runtime, h.backend, accounts);
  const rec = new Recorder(h, accounts);
  h.observer = rec;
  scenario(h);
  h.nextBlock();
  h.observer = undefined;
  const pallets: Record<string, number> = {};
  for (const name of ['System', ...RECORDED_PALLETS]) pallets[name] = h.runtime.pallet(name).index;
  return {
    format: VECTOR_FORMAT,
    name: spec.name,
    description: spec.description,
    source: spec.source,
    spec_version: SPEC_VERSION,
    pallets,
    genesis: {
      balances: spec.genesis.balances.map(([a, v]) => [a, v.toString()]),
      deployment_types: (spec.genesis.deploymentTypes ?? []).map((t) => ({ name: utf8Hex(t.name), schema_cid: utf8Hex(t.schemaCid) })),
      ...genesisState,
    },
    blocks: rec.blocks,
  };
}
