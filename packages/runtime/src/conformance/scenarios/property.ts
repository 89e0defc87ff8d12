import fc from 'fast-check';
import { DIN } from '../../testing/fixtures.ts';
import type { Harness } from '../../testing/harness.ts';
import { ALL, apply, sequence, setupModel, type Cmd } from '../../property/property-commands.ts';
import type { Scenario } from './index.ts';

/**
 * Seeds of the property model's random sequences that become vectors (fast-check's
 * generator, pinned by the lockfile, makes them reproducible). Each is three sequences run
 * one after the other on one chain, so a vector covers a long, mixed history.
 */
export const PROPERTY_SEEDS = [101, 202, 303, 404, 505, 606];
const SEQUENCES_PER_VECTOR = 3;

function run(h: Harness, cmds: Cmd[]): void {
  for (const c of cmds) {
    if (c.k === 'advance') h.advance(c.n);
    else apply(h, c);
  }
}

export const propertyScenarios = (): Scenario[] =>
  PROPERTY_SEEDS.map((seed) => {
    const seqs = fc.sample(sequence, { seed, numRuns: SEQUENCES_PER_VECTOR });
    return {
      name: `property-seed-${seed}`,
      description: `${SEQUENCES_PER_VECTOR} random sequences (${seqs.map((s) => s.length).join(', ')} steps) of the property model (property-commands.ts) from its setup: three providers, five offerings`,
      source: `property model seed ${seed}`,
      genesis: { balances: ALL.map((a) => [a, 1000n * DIN] as [string, bigint]) },
      run: (h: Harness) => {
        setupModel(h);
        for (const s of seqs) run(h, s);
      },
    };
  });
