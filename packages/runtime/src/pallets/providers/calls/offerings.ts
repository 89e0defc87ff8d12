import { T } from '../../../scale/type-desc.ts';
import { Balance, Bytes } from '../../../framework/common-types.ts';
import { ensureSigned } from '../../../framework/runtime.ts';
import type { CallDef } from '../../../framework/pallet.ts';
import { MAX_OFFERINGS_PER_TYPE, MAX_REGIONS, MAX_REGION_LEN } from '../constants.ts';
import { providersError } from '../errors.ts';
import { emitProviders } from '../events.ts';
import { ProvidersStorage as S } from '../storage.ts';
import { TypeId } from '../types.ts';
import { byteLen, mustProvider, putOfferingsOfType } from '../util.ts';

interface SetOfferingArgs {
  type_id: number;
  capacity: number;
  price_per_block: bigint;
  regions: string[];
  open: boolean;
}

function checkRegions(regions: string[]): void {
  if (regions.length > MAX_REGIONS) throw providersError('TooManyRegions');
  const seen = new Set<string>();
  for (const r of regions) {
    const len = byteLen(r);
    if (len < 1 || len > MAX_REGION_LEN || seen.has(r)) throw providersError('BadRegion');
    seen.add(r);
  }
}

export const setOffering: CallDef<SetOfferingArgs> = {
  index: 1,
  args: [
    ['type_id', TypeId, 'TypeId'],
    ['capacity', T.u32, 'u32'],
    ['price_per_block', Balance, 'BalanceOf<T>'],
    ['regions', T.seq(Bytes), 'Vec<Vec<u8>>'],
    ['open', T.bool, 'bool'],
  ],
  weight: 300_000_000n,
  docs: [
    ' Creates or changes the caller\'s offering of a deployment type. Existing subscriptions keep',
    ' the price they were awarded at; `used` is kept. Capacity may be set below `used`.',
  ],
  handler: (env, origin, a) => {
    const who = ensureSigned(origin);
    mustProvider(env, who);
    if (!S.DeploymentTypes.contains(env.state, a.type_id)) throw providersError('UnknownDeploymentType');
    if (a.capacity === 0) throw providersError('ZeroCapacity');
    checkRegions(a.regions);
    const existing = S.Offerings.get(env.state, who, a.type_id);
    if (!existing) {
      const list = S.OfferingsByType.get(env.state, a.type_id) ?? [];
      if (list.length >= MAX_OFFERINGS_PER_TYPE) throw providersError('TooManyOfferings');
      putOfferingsOfType(env, a.type_id, [...list, who]);
    }
    S.Offerings.set(env.state, who, a.type_id, {
      capacity: a.capacity,
      used: existing?.used ?? 0,
      price_per_block: a.price_per_block,
      regions: a.regions,
      open: a.open,
    });
    emitProviders(env, 'OfferingSet', {
      provider: who,
      type_id: a.type_id,
      capacity: a.capacity,
      price_per_block: a.price_per_block,
      open: a.open,
    });
  },
};

export const closeOffering: CallDef<{ type_id: number }> = {
  index: 2,
  args: [['type_id', TypeId, 'TypeId']],
  weight: 200_000_000n,
  docs: [
    ' Closes the caller\'s offering of a type: it receives no new awards. It is removed at once',
    ' when it holds no live subscription, else kept (closed) so its used capacity stays counted.',
  ],
  handler: (env, origin, a) => {
    const who = ensureSigned(origin);
    mustProvider(env, who);
    const o = S.Offerings.get(env.state, who, a.type_id);
    if (!o) throw providersError('NoSuchOffering');
    const removed = o.used === 0;
    if (removed) {
      S.Offerings.remove(env.state, who, a.type_id);
      const list = S.OfferingsByType.get(env.state, a.type_id) ?? [];
      putOfferingsOfType(env, a.type_id, list.filter((x) => x !== who));
    } else {
      o.open = false;
      S.Offerings.set(env.state, who, a.type_id, o);
    }
    emitProviders(env, 'OfferingClosed', { provider: who, type_id: a.type_id, removed });
  },
};
