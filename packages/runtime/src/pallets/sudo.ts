import { T } from '../scale/type-desc.ts';
import { definePallet } from '../framework/pallet.ts';
import { storageFor } from '../framework/storage.ts';
import { AccountId32, DispatchResult, MultiAddress, Weight } from '../framework/common-types.ts';
import { DispatchFailure } from '../framework/dispatch-error.ts';
import { RuntimeCallRef } from '../framework/outer-types.ts';
import type { Env } from '../framework/env.ts';
import type { Origin } from '../framework/origin.ts';
import type { RuntimeCallValue } from '../framework/runtime.ts';
import { lookup } from './balances.ts';

const s = storageFor('Sudo');

export const SudoStorage = {
  Key: s.value<string>('Key', AccountId32, { docs: [' The `AccountId` of the sudo key.'] }),
};

function ensureSudo(env: Env, origin: Origin): string {
  const key = SudoStorage.Key.get(env.state);
  if (origin.type !== 'Signed' || origin.who !== key) throw Sudo.error('RequireSudo');
  return origin.who;
}

const isSudo = (env: Env, origin: Origin) => origin.type === 'Signed' && origin.who === SudoStorage.Key.get(env.state);

/** Runs `call` and returns its DispatchResult value (failures are reported, not propagated). */
function resultOf(env: Env, origin: Origin, call: RuntimeCallValue) {
  try {
    env.dispatch(origin, call);
    return { type: 'Ok' };
  } catch (e) {
    if (e instanceof DispatchFailure) return { type: 'Err', value: e.error };
    throw e;
  }
}

const boxedCall = T.lazy(() => RuntimeCallRef);

/** `pallet_sudo`: a single key that may dispatch with the Root origin (dev and test chains). */
export const Sudo = definePallet({
  name: 'Sudo',
  index: 7,
  crate: 'pallet_sudo',
  storage: SudoStorage,
  calls: {
    sudo: {
      index: 0,
      args: [['call', boxedCall, 'Box<<T as Config>::RuntimeCall>']],
      weight: 10_000_000n,
      paysFee: (env, origin) => !isSudo(env, origin),
      docs: [' Authenticates the sudo key and dispatches a function call with `Root` origin.'],
      handler: (env, origin, a: { call: RuntimeCallValue }) => {
        ensureSudo(env, origin);
        Sudo.emit(env, 'Sudid', { sudo_result: resultOf(env, { type: 'Root' }, a.call) });
      },
    },
    sudo_unchecked_weight: {
      index: 1,
      args: [['call', boxedCall, 'Box<<T as Config>::RuntimeCall>'], ['weight', Weight, 'Weight']],
      weight: (a: { weight: { ref_time: bigint } }) => a.weight.ref_time,
      paysFee: (env, origin) => !isSudo(env, origin),
      docs: [' Authenticates the sudo key and dispatches a function call with `Root` origin, with a given weight.'],
      handler: (env, origin, a: { call: RuntimeCallValue }) => {
        ensureSudo(env, origin);
        Sudo.emit(env, 'Sudid', { sudo_result: resultOf(env, { type: 'Root' }, a.call) });
      },
    },
    set_key: {
      index: 2,
      args: [['new', MultiAddress, 'AccountIdLookupOf<T>']],
      weight: 10_000_000n,
      paysFee: (env, origin) => !isSudo(env, origin),
      docs: [' Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo key.'],
      handler: (env, origin, a: { new: any }) => {
        const old = ensureSudo(env, origin);
        const next = lookup(a.new);
        SudoStorage.Key.set(env.state, next);
        Sudo.emit(env, 'KeyChanged', { old, new: next });
      },
    },
    sudo_as: {
      index: 3,
      args: [['who', MultiAddress, 'AccountIdLookupOf<T>'], ['call', boxedCall, 'Box<<T as Config>::RuntimeCall>']],
      weight: 10_000_000n,
      paysFee: (env, origin) => !isSudo(env, origin),
      docs: [' Authenticates the sudo key and dispatches a function call with `Signed` origin from a given account.'],
      handler: (env, origin, a: { who: any; call: RuntimeCallValue }) => {
        ensureSudo(env, origin);
        Sudo.emit(env, 'SudoAsDone', { sudo_result: resultOf(env, { type: 'Signed', who: lookup(a.who) }, a.call) });
      },
    },
    remove_key: {
      index: 4,
      args: [],
      weight: 10_000_000n,
      paysFee: (env, origin) => !isSudo(env, origin),
      docs: [' Permanently removes the sudo key.'],
      handler: (env, origin) => {
        ensureSudo(env, origin);
        SudoStorage.Key.kill(env.state);
        Sudo.emit(env, 'KeyRemoved');
      },
    },
  },
  events: {
    Sudid: { fields: [['sudo_result', DispatchResult]], docs: [' A sudo call just took place.'] },
    KeyChanged: { fields: [['old', T.option(AccountId32)], ['new', AccountId32]], docs: [' The sudo key has been updated.'] },
    KeyRemoved: { fields: [], docs: [' The key was permanently removed.'] },
    SudoAsDone: { fields: [['sudo_result', DispatchResult]], docs: [' A [sudo_as](Pallet::sudo_as) call just took place.'] },
  },
  errors: { RequireSudo: 'Sender must be the Sudo account.' },
  genesis: (env, config: { key?: string | null }) => {
    if (config.key) SudoStorage.Key.set(env.state, config.key);
  },
});
