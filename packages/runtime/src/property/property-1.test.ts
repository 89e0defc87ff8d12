import { describe, it } from 'vitest';
import { expectCoverage, runChunk } from './property-run.ts';

// Half of the >= 10,000 random sequences of issue 3 (the other half is in property-2.test.ts),
// in chunks of 500 so that no test holds the event loop for long (vitest's worker RPC needs it).
// Each chunk prints what its sequences reached and asserts the coverage floors (issue 12).
const CHUNKS = 10;
const RUNS_PER_CHUNK = 500;

describe('invariants hold over 5,000 random sequences (seed set 1)', () => {
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    it(`chunk ${chunk + 1} of ${CHUNKS}: ${RUNS_PER_CHUNK} sequences`, async () => {
      expectCoverage(`seed set 1, chunk ${chunk + 1}`, await runChunk(10003 + chunk, RUNS_PER_CHUNK));
    });
  }
});
