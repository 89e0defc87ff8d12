import type { Deployment } from '@dinfra/ogate-contract';
import type { Resource, ResourceKey } from '../backend.ts';
import { resourceName } from '../naming.ts';

/** What one reconcile pass decides to do. */
export type Action =
  | { readonly kind: 'create'; readonly deployment: Deployment; readonly key: ResourceKey; readonly name: string }
  | { readonly kind: 'keep'; readonly deployment: Deployment; readonly resource: Resource }
  | { readonly kind: 'destroy'; readonly resource: Resource; readonly why: 'absent' | 'old-generation' | 'orphan' }
  | { readonly kind: 'grace'; readonly id: string; readonly remainingMs: number };

export interface DiffInput {
  /** OGate's view (present and absent deployments), already filtered to the backend's types. */
  readonly desired: readonly Deployment[];
  /** True when `desired` comes from a complete listing recent enough to trust for an orphan sweep. */
  readonly sweepOrphans: boolean;
  readonly actual: readonly Resource[];
  /** The provider's SS58 address: resources of other providers are never touched. */
  readonly provider: string;
  readonly now: number;
  /** When OGate first said this id is absent (durable). */
  readonly absentSince: (id: string) => number;
  readonly graceMs: number;
  /** The reactor already reported this generation `failed`: do not create it again. */
  readonly failed: (id: string, generation: number) => boolean;
}

/**
 * The level-triggered diff: desired (OGate) against actual (the backend's list). Pure.
 * Destroys only what OGate says is absent (after the grace period), older generations of a
 * present deployment, and — only after a complete listing — resources no deployment claims.
 */
export function diff(i: DiffInput): Action[] {
  const out: Action[] = [];
  const mine = i.actual.filter((r) => r.key.provider === i.provider);
  const byId = new Map<string, Resource[]>();
  for (const r of mine) byId.set(r.key.id, [...(byId.get(r.key.id) ?? []), r]);
  const seen = new Set<string>();
  for (const d of i.desired) {
    seen.add(d.id);
    const have = byId.get(d.id) ?? [];
    if (d.desired === 'present') {
      const current = have.find((r) => r.key.generation === d.generation);
      for (const r of have) if (r !== current && r.key.generation < d.generation) out.push({ kind: 'destroy', resource: r, why: 'old-generation' });
      if (current) out.push({ kind: 'keep', deployment: d, resource: current });
      else if (!i.failed(d.id, d.generation)) {
        const key = { provider: i.provider, id: d.id, generation: d.generation };
        out.push({ kind: 'create', deployment: d, key, name: resourceName(key) });
      }
    } else if (have.length > 0) {
      const remaining = i.absentSince(d.id) + i.graceMs - i.now;
      if (remaining > 0) out.push({ kind: 'grace', id: d.id, remainingMs: remaining });
      else for (const r of have) out.push({ kind: 'destroy', resource: r, why: 'absent' });
    }
  }
  if (i.sweepOrphans) {
    for (const [id, rs] of byId) if (!seen.has(id)) for (const r of rs) out.push({ kind: 'destroy', resource: r, why: 'orphan' });
  }
  return out;
}
