/**
 * `@dinfra/reactor-sdk/testing`: test a backend without a cloud. `MemoryBackend` keeps
 * resources in a Map (and is the model to copy); `startReactorHarness` runs a reactor with
 * any backend against a real OGate.
 * @module
 */
export { MemoryBackend } from './memory-backend.ts';
export type { MemoryBackendOptions } from './memory-backend.ts';
export { startReactorHarness } from './harness.ts';
export type { HarnessOptions, ReactorHarness } from './harness.ts';
export { memoryCheckpoint, operationContext } from '../context.ts';
export { silentLogger } from '../logging.ts';
