import type { Deployment } from '@dinfra/ogate-contract';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../backend.ts';
import { resourceName } from '../naming.ts';
import { diff, type DiffInput } from './diff.ts';

const P = '5Provider';
const dep = (id: string, generation: number, desired: 'present' | 'absent' = 'present'): Deployment => ({
  id, type: 'substrate-node', generation, desired, state: 'awarded', endpoints: [], descriptor: {}, secrets: {}, subscriber: '5S', awardedAt: 1, revision: 1, specRevision: 1,
  billing: { pricePerBlock: '0', deposit: '0', remaining: '0', expiresAt: null },
});
const res = (id: string, generation: number, provider = P): Resource => {
  const key = { provider, id, generation };
  return { key, name: resourceName(key), backendId: 'b', state: 'running', endpoints: [] };
};
const base: DiffInput = { desired: [], sweepOrphans: false, actual: [], provider: P, now: 10_000, absentSince: () => 10_000, graceMs: 0, failed: () => false };
const kinds = (i: Partial<DiffInput>) => diff({ ...base, ...i }).map((a) => `${a.kind}:${'resource' in a ? a.resource.key.id + '/' + a.resource.key.generation : 'key' in a ? a.key.id + '/' + a.key.generation : a.id}${a.kind === 'destroy' ? ':' + a.why : ''}`);

describe('diff', () => {
  it('creates what is missing and keeps what exists', () => {
    expect(kinds({ desired: [dep('1', 1), dep('2', 1)], actual: [res('2', 1)] })).toEqual(['create:1/1', 'keep:2/1']);
  });

  it('never destroys a resource only because the reactor knows nothing of it: without a complete listing, strangers stay', () => {
    expect(kinds({ desired: [dep('1', 1)], actual: [res('1', 1), res('9', 1)] })).toEqual(['keep:1/1']);
    expect(kinds({ desired: [dep('1', 1)], actual: [res('1', 1), res('9', 1)], sweepOrphans: true })).toEqual(['keep:1/1', 'destroy:9/1:orphan']);
  });

  it('destroys what OGate says is absent only after the grace period', () => {
    const i = { desired: [dep('3', 1, 'absent')], actual: [res('3', 1)], graceMs: 5000, absentSince: () => 8000 };
    expect(kinds(i)).toEqual(['grace:3']);
    expect(kinds({ ...i, now: 13_000 })).toEqual(['destroy:3/1:absent']);
  });

  it('replaces an older generation, leaves other providers alone, and does not recreate a failed generation', () => {
    expect(kinds({ desired: [dep('4', 2)], actual: [res('4', 1), res('5', 1, '5Other')], sweepOrphans: true })).toEqual(['destroy:4/1:old-generation', 'create:4/2']);
    expect(kinds({ desired: [dep('6', 1)], failed: (id, g) => id === '6' && g === 1 })).toEqual([]);
  });
});
