import fc from 'fast-check';
import { expect } from 'vitest';
import { runSequence, sequence } from './property-model.ts';

/** How many sequences of a chunk reached each part of the life cycle. */
export interface Coverage {
  runs: number;
  billed: number;
  settledMoney: number;
  expired: number;
}

/** Least share of sequences that must settle money and run out of funds (issue 12). */
export const FLOORS = { settledMoney: 0.2, expired: 0.05 } as const;

/**
 * Runs `runs` random sequences from `seed` (fast-check), counting what they reached. It yields to
 * the event loop between sequences: on a loaded machine a chunk can outlast vitest's 60 s worker
 * RPC timeout, whose replies a blocked worker cannot read ("Timeout calling onTaskUpdate").
 */
export async function runChunk(seed: number, runs: number): Promise<Coverage> {
  const c: Coverage = { runs: 0, billed: 0, settledMoney: 0, expired: 0 };
  await fc.assert(
    fc.asyncProperty(sequence, async (cmds) => {
      await new Promise((r) => setImmediate(r));
      const r = runSequence(cmds);
      c.runs++;
      if (r.billed) c.billed++;
      if (r.settledMoney) c.settledMoney++;
      if (r.expired) c.expired++;
    }),
    { numRuns: runs, seed },
  );
  return c;
}

/** Prints the coverage of a chunk and asserts the floors. */
export function expectCoverage(label: string, c: Coverage): void {
  const pct = (n: number) => `${((100 * n) / c.runs).toFixed(1)}%`;
  console.log(`${label}: ${c.runs} sequences; billed ${pct(c.billed)}, settled money ${pct(c.settledMoney)}, ran out of funds ${pct(c.expired)}`);
  expect(c.settledMoney / c.runs, 'share of sequences that settle money').toBeGreaterThanOrEqual(FLOORS.settledMoney);
  expect(c.expired / c.runs, 'share of sequences that run out of funds').toBeGreaterThanOrEqual(FLOORS.expired);
}
