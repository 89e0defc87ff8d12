/**
 * Testing entry point of @dinfra/runtime: a harness that runs the DINFRA runtime block by
 * block through the real Executive, for unit and property tests of pallets.
 *
 * @example
 * ```ts
 * import { Harness } from '@dinfra/runtime/testing';
 * const h = Harness.create({ balances: [[alice, 10n ** 15n]] });
 * h.tx(alice, 'Subscriptions', 'settle', { id: 0n });
 * h.nextBlock();
 * ```
 */
export { Harness } from './harness.ts';
export type { HarnessOptions, DispatchOutcome } from './harness.ts';
export { SortedState } from './sorted-state.ts';
export { account, hex, DIN, CID } from './fixtures.ts';
export { signExtrinsic, testSigner } from './sign.ts';
export type { TestSigner, SignOptions } from './sign.ts';
export { prng } from './prng.ts';
