import { T, fields as toFields, type FieldsSpec, type TypeDesc, type ConcreteTypeDesc } from '../scale/type-desc.ts';
import { moduleErrors, type DispatchFailure } from './dispatch-error.ts';
import type { Origin } from './origin.ts';
import type { StorageMap, StorageValue } from './storage.ts';
import type { Env } from './env.ts';

export interface CallDef<A = any> {
  index: number;
  args: FieldsSpec;
  docs?: string[];
  /** ref_time weight of the call; a function of its arguments for variable-cost calls. */
  weight: bigint | ((args: A) => bigint);
  /** Dispatch class; 'Operational' and 'Mandatory' calls have their own limits. */
  class?: 'Normal' | 'Operational' | 'Mandatory';
  /** Whether the sender pays a fee (default true). A function may waive it for a valid call. */
  paysFee?: boolean | ((env: Env, origin: Origin, args: A) => boolean);
  handler(env: Env, origin: Origin, args: A): void;
}

export interface EventDef {
  index?: number;
  fields: FieldsSpec;
  docs?: string[];
}

export interface ConstantDef {
  type: TypeDesc;
  value: unknown;
  docs?: string[];
}

export interface PalletHooks {
  onInitialize?(env: Env, n: number): void;
  onFinalize?(env: Env, n: number): void;
}

export interface PalletSpec {
  name: string;
  index: number;
  /** scale-info path root, e.g. 'pallet_balances' */
  crate: string;
  docs?: string[];
  storage?: Record<string, StorageValue<any> | StorageMap<any, any>>;
  calls?: Record<string, CallDef>;
  events?: Record<string, EventDef>;
  /** Error names to docs, in index order. */
  errors?: Record<string, string>;
  constants?: Record<string, ConstantDef>;
  hooks?: PalletHooks;
  /** Builds genesis state from this pallet's section of the genesis config. */
  genesis?(env: Env, config: any): void;
}

/** A pallet: its spec plus the derived Call / Event / Error types and helpers. */
export class Pallet {
  readonly callType?: ConcreteTypeDesc;
  readonly eventType?: ConcreteTypeDesc;
  readonly errorType?: ConcreteTypeDesc;
  #errors?: (name: string) => DispatchFailure;
  readonly #callsByName = new Map<string, CallDef>();

  constructor(readonly spec: PalletSpec) {
    const params = [{ name: 'T' }];
    const calls = Object.entries(spec.calls ?? {});
    if (calls.length) {
      this.callType = T.variant(
        [spec.crate, 'pallet', 'Call'],
        calls.map(([name, c]) => ({ name, index: c.index, fields: c.args, docs: c.docs ?? [] })),
        { params, docs: ['Contains a variant per dispatchable extrinsic that this pallet has.'] },
      );
      for (const [name, c] of calls) this.#callsByName.set(name, c);
    }
    const events = Object.entries(spec.events ?? {});
    if (events.length) {
      this.eventType = T.variant(
        [spec.crate, 'pallet', 'Event'],
        events.map(([name, e], i) => ({ name, index: e.index ?? i, fields: e.fields, docs: e.docs ?? [] })),
        { params, docs: ['The `Event` enum of this pallet'] },
      );
    }
    const errors = Object.entries(spec.errors ?? {});
    if (errors.length) {
      this.errorType = T.variant(
        [spec.crate, 'pallet', 'Error'],
        errors.map(([name, docs], i) => ({ name, index: i, docs: [docs] })),
        { params, docs: ['The `Error` enum of this pallet.'] },
      );
    }
  }

  get name(): string {
    return this.spec.name;
  }
  get index(): number {
    return this.spec.index;
  }

  call(name: string): CallDef | undefined {
    return this.#callsByName.get(name);
  }

  /** A DispatchFailure carrying this pallet's module error `name`. */
  error(name: string): DispatchFailure {
    this.#errors ??= moduleErrors(this.name, this.index, this.spec.errors ?? {});
    return this.#errors(name);
  }

  errorName(index: number): string | undefined {
    return Object.keys(this.spec.errors ?? {})[index];
  }

  /** Deposits this pallet's event `name` in the current block. */
  emit(env: Env, name: string, data?: unknown): void {
    env.depositEvent({ type: this.name, value: data === undefined ? { type: name } : { type: name, value: data } });
  }
}

export const definePallet = (spec: PalletSpec): Pallet => new Pallet(spec);
export { toFields };
