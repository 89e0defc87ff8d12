import { createHash } from 'node:crypto';
import type { ResourceKey } from './backend.ts';

/** Tag keys put on every resource a reactor makes. */
export const TAG = {
  managedBy: 'dinfra:managed-by',
  provider: 'dinfra:provider',
  subscription: 'dinfra:subscription',
  generation: 'dinfra:generation',
} as const;

/** 8 hex chars that stand for the provider in names (names must stay short for clouds). */
export function providerTag(provider: string): string {
  return createHash('sha256').update(provider).digest('hex').slice(0, 8);
}

/** `dinfra-<providerTag>-<id>-<generation>`: valid as a hostname label (<= 63 chars). */
export function resourceName(key: ResourceKey): string {
  return `dinfra-${providerTag(key.provider)}-${key.id}-${key.generation}`;
}

export function resourceTags(key: ResourceKey): Record<string, string> {
  return {
    [TAG.managedBy]: 'dinfra-reactor',
    [TAG.provider]: key.provider,
    [TAG.subscription]: key.id,
    [TAG.generation]: String(key.generation),
  };
}

/** Reads a key back from tags; `undefined` when they are not a complete DINFRA tag set. */
export function keyFromTags(tags: Readonly<Record<string, string | undefined>>): ResourceKey | undefined {
  const provider = tags[TAG.provider];
  const id = tags[TAG.subscription];
  const generation = Number(tags[TAG.generation]);
  if (!provider || !id || !/^\d+$/.test(id) || !Number.isInteger(generation) || generation < 1) return undefined;
  return { provider, id, generation };
}

export const sameKey = (a: ResourceKey, b: ResourceKey): boolean =>
  a.provider === b.provider && a.id === b.id && a.generation === b.generation;
