/** `@dinfra/snapshot/testing`: a real HTTP mirror server with injectable faults, and fixtures. */
export { startMirrorServer } from './mirror-server.ts';
export type { MirrorFault, MirrorServer } from './mirror-server.ts';
export { randomDatabase, testBody, testSigner } from './fixtures.ts';
