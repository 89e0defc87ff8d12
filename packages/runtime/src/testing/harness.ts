import { u8aToHex } from '@polkadot/util';
import { dinfraRuntime } from '../dinfra-runtime.ts';
import { buildGenesisStorage, type GenesisConfig } from '../genesis.ts';
import { Executive } from '../framework/executive.ts';
import type { Env, EventRecordValue } from '../framework/env.ts';
import { DispatchFailure, type DispatchErrorValue } from '../framework/dispatch-error.ts';
import { decodeExtrinsic, encodeUnsignedExtrinsic } from '../framework/extrinsic.ts';
import type { Origin } from '../framework/origin.ts';
import type { Runtime, RuntimeCallValue } from '../framework/runtime.ts';
import type { StateAccess } from '../framework/state.ts';
import { hexToBytes } from '../scale/hex.ts';
import { blake2_256 } from '../hashing.ts';
import { account } from '../pallets/currency.ts';
import { BalancesStorage } from '../pallets/balances.ts';
import { SortedState } from './sorted-state.ts';

export interface HarnessOptions {
  /** Accounts (0x-hex AccountId32 or SS58) and their free balances at genesis. */
  balances?: Array<[string, bigint]>;
  /** Further genesis sections (`sudo`, `providers`, ...). */
  genesis?: GenesisConfig;
  /** Milliseconds between blocks for the Timestamp inherent. @default 6000 */
  blockTimeMs?: number;
}

export interface DispatchOutcome {
  ok: boolean;
  error?: DispatchErrorValue;
  /** `Pallet.Error` for module errors, else the DispatchError kind. */
  errorName?: string;
  /** Events deposited by this dispatch. */
  events: EventRecordValue[];
}

/**
 * Sees what a harness does, in order (the conformance-vector recorder is one): each dispatch
 * with its outcome, each block once finalized and committed, and each block once begun.
 */
export interface HarnessObserver {
  /** After a dispatch in the open block; `call` is the SCALE round-tripped value. */
  dispatched(origin: Origin, call: RuntimeCallValue, outcome: DispatchOutcome): void;
  /** After the open block was finalized (`env` holds its events) and committed to `backend`. */
  finalized(env: Env, backend: SortedState): void;
  /** After the next block was begun (its on_initialize ran, `env` is open). */
  begun(env: Env): void;
}

const GENESIS_HASH = '0x' + '11'.repeat(32);
const genesisCache = new Map<string, SortedState>();

function genesisState(opts: HarnessOptions): SortedState {
  const key = JSON.stringify(opts.balances ?? [], (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) + JSON.stringify(opts.genesis ?? {}, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  let state = genesisCache.get(key);
  if (!state) {
    const storage = buildGenesisStorage({ ...opts.genesis, balances: { balances: opts.balances ?? [] } });
    state = new SortedState([...storage].map(([k, v]) => [k, hexToBytes(v)]));
    genesisCache.set(key, state);
  }
  return state.clone();
}

/**
 * Drives the DINFRA runtime block by block through the real Executive: each block begins
 * with the Timestamp inherent (encoded, decoded and applied as an extrinsic), calls are
 * dispatched with a chosen origin exactly as applyExtrinsic dispatches them (transactional,
 * events captured), and finalizing a block commits its changes to a sorted in-memory backend.
 * Fees are not charged (use `paysFee` to see whether a call would pay one).
 *
 * @example
 * ```ts
 * const h = Harness.create({ balances: [[alice, 1000n * DIN]] });
 * const r = h.tx(alice, 'Providers', 'register', { name: '0x61', api_url: '0x62', operator: alice });
 * h.nextBlock();
 * ```
 */
export class Harness {
  readonly runtime: Runtime = dinfraRuntime();
  readonly executive: Executive;
  readonly backend: SortedState;
  env!: Env;
  /** Told of every dispatch and block (see {@link HarnessObserver}). */
  observer?: HarnessObserver;
  #index = 0;
  #parentHash = GENESIS_HASH;
  readonly #blockTimeMs: bigint;

  private constructor(backend: SortedState, opts: HarnessOptions) {
    this.backend = backend;
    this.executive = new Executive(this.runtime, { genesisHash: GENESIS_HASH });
    this.#blockTimeMs = BigInt(opts.blockTimeMs ?? 6000);
  }

  /** A chain at genesis with block 1 open. */
  static create(opts: HarnessOptions = {}): Harness {
    const h = new Harness(genesisState(opts), opts);
    h.#begin(1);
    return h;
  }

  /**
   * A new harness on a copy of the committed state (everything up to the last finalized
   * block), with the same block number open afresh. Cheap way to start many runs from one setup.
   */
  fork(): Harness {
    const h = new Harness(this.backend.clone(), { blockTimeMs: Number(this.#blockTimeMs) });
    h.#parentHash = this.#parentHash;
    h.#begin(this.block);
    return h;
  }

  /** The number of the open block. */
  get block(): number {
    return this.env.blockNumber;
  }

  /** State as seen by the open block. */
  get state(): StateAccess {
    return this.env.state;
  }

  #begin(n: number): void {
    this.env = this.executive.beginBlock(this.backend, n, this.#parentHash);
    const call: RuntimeCallValue = { type: 'Timestamp', value: { type: 'set', value: { now: BigInt(n) * this.#blockTimeMs } } };
    const xt = decodeExtrinsic(this.runtime, encodeUnsignedExtrinsic(this.runtime, call));
    this.executive.applyExtrinsic(this.env, xt, 0);
    this.#index = 1;
  }

  /** Finalizes the open block, commits it, and opens the next. */
  nextBlock(): void {
    const n = this.env.blockNumber;
    this.executive.finalizeBlock(this.env);
    this.backend.apply(this.env.changes());
    this.observer?.finalized(this.env, this.backend);
    this.#parentHash = u8aToHex(blake2_256(new TextEncoder().encode(`block-${n}`)));
    this.#begin(n + 1);
    this.observer?.begun(this.env);
  }

  /** Runs `count` blocks: the open one is finalized, `count` later the block `block + count` is open. */
  advance(count = 1): void {
    for (let i = 0; i < count; i++) this.nextBlock();
  }

  /** Advances until block `n` is the open block (its on_initialize has run). */
  advanceTo(n: number): void {
    while (this.block < n) this.nextBlock();
  }

  /** Dispatches `call` with `origin` in the open block, as applyExtrinsic would (the call is SCALE round-tripped). */
  dispatch(origin: Origin, call: RuntimeCallValue): DispatchOutcome {
    const normalized = this.runtime.callCodec.dec(this.runtime.callCodec.enc(call));
    this.env.phase = { type: 'ApplyExtrinsic', value: this.#index++ };
    const mark = this.env.events.length;
    let outcome: DispatchOutcome;
    try {
      this.runtime.dispatch(this.env, origin, normalized);
      outcome = { ok: true, events: this.env.events.slice(mark) };
    } catch (e) {
      if (!(e instanceof DispatchFailure)) throw e;
      outcome = { ok: false, error: e.error, errorName: this.errorName(e.error), events: this.env.events.slice(mark) };
    }
    this.observer?.dispatched(origin, normalized, outcome);
    return outcome;
  }

  /** Dispatches `pallet.method(args)` signed by `who`. */
  tx(who: string, pallet: string, method: string, args: Record<string, unknown> = {}): DispatchOutcome {
    return this.dispatch({ type: 'Signed', who }, { type: pallet, value: { type: method, value: args } });
  }

  /** Dispatches `pallet.method(args)` with the Root origin. */
  root(pallet: string, method: string, args: Record<string, unknown> = {}): DispatchOutcome {
    return this.dispatch({ type: 'Root' }, { type: pallet, value: { type: method, value: args } });
  }

  /** Whether the call would pay a fee if `who` submitted it now. */
  paysFee(who: string, pallet: string, method: string, args: Record<string, unknown> = {}): boolean {
    const call = this.runtime.callCodec.dec(this.runtime.callCodec.enc({ type: pallet, value: { type: method, value: args } }));
    return this.runtime.callInfo(this.env, { type: 'Signed', who }, call).paysFee;
  }

  errorName(error: DispatchErrorValue): string {
    if (error.type !== 'Module') return error.type;
    const pallet = this.runtime.palletByIndex(error.value.index);
    const idx = hexToBytes(error.value.error)[0]!;
    return `${pallet?.name}.${pallet?.errorName(idx)}`;
  }

  /** Events of the open block so far (including its on_initialize). */
  events(pallet?: string): EventRecordValue[] {
    return pallet ? this.env.events.filter((e) => e.event.type === pallet) : this.env.events;
  }

  /** `[name, data]` of a pallet's events in the open block. */
  palletEvents(pallet: string): Array<[string, any]> {
    return this.events(pallet).map((e) => {
      const v = e.event.value as { type: string; value?: unknown };
      return [v.type, v.value];
    });
  }

  free(who: string): bigint {
    return account(this.env, who).data.free;
  }
  reserved(who: string): bigint {
    return account(this.env, who).data.reserved;
  }
  totalIssuance(): bigint {
    return BalancesStorage.TotalIssuance.get(this.env.state) ?? 0n;
  }
}
