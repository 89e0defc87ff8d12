import { it } from 'vitest';
import fc from 'fast-check';
import { command, runSequence } from './property-model.ts';

// Half of the >= 10,000 random sequences of issue 3 (the other half is in property-2.test.ts).
it('invariants hold over 5,000 random sequences (seed set 1)', () => {
  fc.assert(fc.property(fc.array(command, { minLength: 1, maxLength: 16 }), runSequence), { numRuns: 5_000, seed: 10_003 });
}, 120_000);
