/**
 * A CloudStack API emulator for tests and the bench: checks requests as the management server
 * does (signature, expires, parameters), models async jobs, VM states, tags, limits and the
 * 431/530/531/532/533/535 errors, and counts resources so tests can assert no leak and no
 * duplicate.
 *
 * @example
 * const cloud = await startCloudStackEmulator({ jobDelayMs: 20 });
 * // point a client at cloud.url with key `dinfra-api-key` / `dinfra-secret-key`
 * cloud.failNext('deployVirtualMachine', { code: 533, count: 1 });
 * expect(cloud.counts().vmsLive).toBe(0);
 * await cloud.close();
 */
export { startCloudStackEmulator } from './server.ts';
export type { CloudStackEmulator } from './server.ts';
export { EmulatorState } from './state.ts';
export type { EmulatorOptions, Fault, CatalogEntry } from './state.ts';
export type { EmulatorCounts, Account, Vm, VmState, Job } from './model.ts';
export { ApiError, CS_ERROR } from './api-error.ts';
export { EMULATOR_ADMIN, EMULATOR_USER, emulatorConfig } from './fixtures.ts';
