/**
 * `@dinfra/ogate-contract/testing`: an in-process fake OGate that serves the contract over a
 * real socket and checks every request against it, for testing a reactor without a node.
 * @module
 */
export { FakeOGate } from './fake-ogate.ts';
export type { FakeOGateOptions, FakeReport } from './fake-ogate.ts';
