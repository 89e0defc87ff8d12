import type { Env } from '../../framework/env.ts';
import { ProvidersStorage as PS } from '../providers/storage.ts';
import type { OfferingValue, ProviderInfoValue } from '../providers/types.ts';
import { subscriptionsError } from './errors.ts';
import type { TargetValue } from './types.ts';

export interface Award {
  provider: string;
  price: bigint;
}

interface Candidate {
  provider: string;
  offering: OfferingValue;
  info: ProviderInfoValue;
}

/**
 * Total preference order of candidates (negative: `a` is preferred): lower utilization
 * (used / capacity, compared exactly as used_a * capacity_b vs used_b * capacity_a), then
 * lower price, then fewer live subscriptions of the provider, then the smaller account id.
 */
export function prefer(a: Candidate, b: Candidate): number {
  const ua = BigInt(a.offering.used) * BigInt(b.offering.capacity);
  const ub = BigInt(b.offering.used) * BigInt(a.offering.capacity);
  if (ua !== ub) return ua < ub ? -1 : 1;
  if (a.offering.price_per_block !== b.offering.price_per_block) return a.offering.price_per_block < b.offering.price_per_block ? -1 : 1;
  if (a.info.live_subscriptions !== b.info.live_subscriptions) return a.info.live_subscriptions - b.info.live_subscriptions;
  return a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0;
}

/** The providers whose offering of the target's type may be considered, in index order. */
function considered(env: Env, target: TargetValue): string[] {
  if (target.type === 'Provider') {
    if (!PS.Providers.contains(env.state, target.value.provider)) throw subscriptionsError('UnknownProvider');
    return PS.Offerings.contains(env.state, target.value.provider, target.value.type_id) ? [target.value.provider] : [];
  }
  const all = PS.OfferingsByType.get(env.state, target.value.type_id) ?? [];
  const allow = target.value.providers;
  return allow === undefined ? all : all.filter((p) => allow.includes(p));
}

/**
 * Chooses the offering a subscription goes to, or throws the error that says why none fits.
 * Cost: O(offerings of the type). `excluded` lists providers that already lost this award.
 */
export function chooseOffering(env: Env, target: TargetValue, maxPrice: bigint, excluded: readonly string[]): Award {
  const typeId = target.value.type_id;
  if (!PS.DeploymentTypes.contains(env.state, typeId)) throw subscriptionsError('UnknownDeploymentType');
  let cands: Candidate[] = [];
  for (const provider of considered(env, target)) {
    if (excluded.includes(provider)) continue;
    const offering = PS.Offerings.get(env.state, provider, typeId);
    const info = PS.Providers.get(env.state, provider);
    if (!offering || !info || !offering.open || info.status.type !== 'Active') continue;
    cands.push({ provider, offering, info });
  }
  if (cands.length === 0) throw subscriptionsError('NoOfferingOfType');
  const region = target.type === 'Selector' ? target.value.region : undefined;
  if (region !== undefined) {
    cands = cands.filter((c) => c.offering.regions.includes(region));
    if (cands.length === 0) throw subscriptionsError('NoOfferingInRegion');
  }
  cands = cands.filter((c) => c.offering.price_per_block <= maxPrice);
  if (cands.length === 0) throw subscriptionsError('AllOfferingsTooExpensive');
  cands = cands.filter((c) => c.offering.used < c.offering.capacity);
  if (cands.length === 0) throw subscriptionsError('AllOfferingsFull');
  let best = cands[0]!;
  for (const c of cands) if (prefer(c, best) < 0) best = c;
  return { provider: best.provider, price: best.offering.price_per_block };
}
