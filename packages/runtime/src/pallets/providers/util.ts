import type { Env } from '../../framework/env.ts';
import { providersError } from './errors.ts';
import { ProvidersStorage } from './storage.ts';
import type { ProviderInfoValue } from './types.ts';

/** Length in bytes of a 0x-hex byte string. */
export const byteLen = (hex: string): number => (hex.length - 2) / 2;

/** The provider record of `who`, or NotProvider. */
export function mustProvider(env: Env, who: string): ProviderInfoValue {
  const p = ProvidersStorage.Providers.get(env.state, who);
  if (!p) throw providersError('NotProvider');
  return p;
}

/** Whether `who` may act for provider `provider` (the provider account or its operator). */
export function actsFor(env: Env, who: string, provider: string): boolean {
  if (who === provider) return true;
  return ProvidersStorage.Providers.get(env.state, provider)?.operator === who;
}

/** Writes the per-type offering index; an empty list is removed from storage. */
export function putOfferingsOfType(env: Env, typeId: number, list: string[]): void {
  if (list.length === 0) ProvidersStorage.OfferingsByType.remove(env.state, typeId);
  else ProvidersStorage.OfferingsByType.set(env.state, typeId, list);
}
