/** @dinfra/ogate: the provider's gateway between the DINFRA chain and its reactors. */
export { createOGateClient, type OGateClient, type OGateClientOptions } from './client/index.ts';
