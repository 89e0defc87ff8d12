import { describe, it } from 'vitest';
import fc from 'fast-check';
import { command, runSequence } from './property-model.ts';

// Half of the >= 10,000 random sequences of issue 3 (the other half is in property-1.test.ts),
// in chunks of 500 so that no test holds the event loop for long (vitest's worker RPC needs it).
const CHUNKS = 10;
const RUNS_PER_CHUNK = 500;

describe('invariants hold over 5,000 random sequences (seed set 2)', () => {
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    it(`chunk ${chunk + 1} of ${CHUNKS}: ${RUNS_PER_CHUNK} sequences`, () => {
      fc.assert(fc.property(fc.array(command, { minLength: 1, maxLength: 16 }), runSequence), {
        numRuns: RUNS_PER_CHUNK,
        seed: 20011 + chunk,
      });
    }, 60_000);
  }
});
