/**
 * `@dinfra/reactor-sdk/testing`: test a backend without a cloud or a node. `MemoryBackend`
 * keeps resources in a Map (and is the model to copy); `startReactorHarness` runs a reactor
 * with any backend against an in-process fake OGate (`FakeOGate`, from the contract package;
 * every request checked against the contract) or a real OGate.
 *
 * @example
 * const h = await startReactorHarness({ backend: new MyBackend() });
 * h.ogate!.upsert({ id: '1' }); // an award
 * await h.until('running', () => h.ogate!.reports.some((r) => r.state === 'running'));
 * await h.stop();
 * @module
 */
export { MemoryBackend } from './memory-backend.ts';
export type { MemoryBackendOptions } from './memory-backend.ts';
export { startReactorHarness } from './harness.ts';
export type { HarnessOptions, ReactorHarness } from './harness.ts';
export { memoryCheckpoint, operationContext } from '../context.ts';
export { silentLogger } from '../logging.ts';
export { FakeOGate } from '@dinfra/ogate-contract/testing';
export type { FakeOGateOptions, FakeReport } from '@dinfra/ogate-contract/testing';
