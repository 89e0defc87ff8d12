import { T } from '../scale/type-desc.ts';
import { definePallet } from '../framework/pallet.ts';
import { storageFor } from '../framework/storage.ts';
import { DispatchFailure, badOrigin } from '../framework/dispatch-error.ts';

const s = storageFor('Timestamp');

export const TimestampStorage = {
  Now: s.value<bigint>('Now', T.u64, { default: 0n, docs: [' The current time for the current block.'] }),
  DidUpdate: s.value<boolean>('DidUpdate', T.bool, { default: false, docs: [' Whether the timestamp has been updated in this block.'] }),
};

/** Advertised to clients (they derive the expected block time from it); see `set` for the rule enforced. */
export const MINIMUM_PERIOD = 3000n;

/** `pallet_timestamp`: the block's time, set by a mandatory inherent in every block. */
export const Timestamp = definePallet({
  name: 'Timestamp',
  index: 2,
  crate: 'pallet_timestamp',
  storage: TimestampStorage,
  calls: {
    set: {
      index: 0,
      args: [['now', T.compact(T.u64), 'T::Moment']],
      weight: 10_000_000n,
      class: 'Mandatory',
      paysFee: false,
      docs: [
        ' Set the current time. Inherent: must be the first extrinsic of every block, unsigned.',
        ' DINFRA blocks may be authored on demand (instant sealing), so the rule enforced is that',
        ' time strictly increases, not `MinimumPeriod`.',
      ],
      handler: (env, origin, a: { now: bigint }) => {
        if (origin.type !== 'None') throw badOrigin();
        if (TimestampStorage.DidUpdate.get(env.state)) throw new DispatchFailure({ type: 'Other' }, 'Timestamp must be updated only once in the block');
        const prev = TimestampStorage.Now.get(env.state) ?? 0n;
        if (prev !== 0n && a.now <= prev) throw new DispatchFailure({ type: 'Other' }, 'Timestamp must increment');
        TimestampStorage.Now.set(env.state, a.now);
        TimestampStorage.DidUpdate.set(env.state, true);
      },
    },
  },
  constants: {
    MinimumPeriod: { type: T.u64, value: MINIMUM_PERIOD, docs: [' The minimum period between blocks.'] },
  },
  hooks: {
    onFinalize: (env) => {
      if (!TimestampStorage.DidUpdate.get(env.state)) throw new Error('Timestamp must be updated once in the block');
      TimestampStorage.DidUpdate.kill(env.state);
    },
  },
});
