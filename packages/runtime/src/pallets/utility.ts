import { T } from '../scale/type-desc.ts';
import { definePallet } from '../framework/pallet.ts';
import { DispatchError } from '../framework/common-types.ts';
import { DispatchFailure } from '../framework/dispatch-error.ts';
import { RuntimeCallRef } from '../framework/outer-types.ts';
import type { Env } from '../framework/env.ts';
import type { Origin } from '../framework/origin.ts';
import type { RuntimeCallValue } from '../framework/runtime.ts';

export const BATCHED_CALLS_LIMIT = 10_922;

const calls = T.seq(RuntimeCallRef);
const batchWeight = (a: { calls: RuntimeCallValue[] }) => 5_000_000n + 200_000_000n * BigInt(a.calls.length);

function checkLimit(a: { calls: RuntimeCallValue[] }): void {
  if (a.calls.length > BATCHED_CALLS_LIMIT) throw Utility.error('TooManyCalls');
}

/** Root may not be smuggled through a batch: each item keeps the batch's origin. */
function run(env: Env, origin: Origin, call: RuntimeCallValue): void {
  env.dispatch(origin, call);
}

/** `pallet_utility`: batches of calls. */
export const Utility = definePallet({
  name: 'Utility',
  index: 8,
  crate: 'pallet_utility',
  calls: {
    batch: {
      index: 0,
      args: [['calls', calls, 'Vec<<T as Config>::RuntimeCall>']],
      weight: batchWeight,
      docs: [' Send a batch of dispatch calls. Stops at the first failure; earlier calls stay applied.'],
      handler: (env, origin, a: { calls: RuntimeCallValue[] }) => {
        checkLimit(a);
        for (const [index, call] of a.calls.entries()) {
          try {
            run(env, origin, call);
          } catch (e) {
            if (!(e instanceof DispatchFailure)) throw e;
            Utility.emit(env, 'BatchInterrupted', { index, error: e.error });
            return;
          }
          Utility.emit(env, 'ItemCompleted');
        }
        Utility.emit(env, 'BatchCompleted');
      },
    },
    batch_all: {
      index: 2,
      args: [['calls', calls, 'Vec<<T as Config>::RuntimeCall>']],
      weight: batchWeight,
      docs: [' Send a batch of dispatch calls and atomically execute them: all succeed or none does.'],
      handler: (env, origin, a: { calls: RuntimeCallValue[] }) => {
        checkLimit(a);
        for (const call of a.calls) {
          run(env, origin, call);
          Utility.emit(env, 'ItemCompleted');
        }
        Utility.emit(env, 'BatchCompleted');
      },
    },
    force_batch: {
      index: 4,
      args: [['calls', calls, 'Vec<<T as Config>::RuntimeCall>']],
      weight: batchWeight,
      docs: [' Send a batch of dispatch calls. Unlike `batch`, it continues past failures.'],
      handler: (env, origin, a: { calls: RuntimeCallValue[] }) => {
        checkLimit(a);
        let failed = false;
        for (const call of a.calls) {
          try {
            run(env, origin, call);
            Utility.emit(env, 'ItemCompleted');
          } catch (e) {
            if (!(e instanceof DispatchFailure)) throw e;
            failed = true;
            Utility.emit(env, 'ItemFailed', { error: e.error });
          }
        }
        Utility.emit(env, failed ? 'BatchCompletedWithErrors' : 'BatchCompleted');
      },
    },
  },
  events: {
    BatchInterrupted: { fields: [['index', T.u32], ['error', DispatchError]], docs: [' Batch of dispatches did not complete fully. Index of first failing dispatch given, as well as the error.'] },
    BatchCompleted: { fields: [], docs: [' Batch of dispatches completed fully with no error.'] },
    BatchCompletedWithErrors: { fields: [], docs: [' Batch of dispatches completed but has errors.'] },
    ItemCompleted: { fields: [], docs: [' A single item within a Batch of dispatches has completed with no error.'] },
    ItemFailed: { fields: [['error', DispatchError]], docs: [' A single item within a Batch of dispatches has completed with error.'] },
  },
  errors: { TooManyCalls: 'Too many calls batched.' },
  constants: {
    batched_calls_limit: { type: T.u32, value: BATCHED_CALLS_LIMIT, docs: [' The limit on the number of batched calls.'] },
  },
});
