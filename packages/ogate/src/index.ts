/**
 * `@dinfra/ogate`: the provider's gateway between the DINFRA chain and its reactors.
 * Reactors use the contract package (`@dinfra/ogate-contract`), never this one; operators run
 * `dinfra-ogate run`.
 *
 * @example
 * import { loadConfig, startOGate } from '@dinfra/ogate';
 * const ogate = await startOGate(loadConfig({ flags: { url: 'ws://127.0.0.1:9944', suri: '//Bob', dataDir: './ogate' } }));
 */
export { startOGate, type RunningOGate } from './ogate.ts';
export { loadConfig, configSchema, envName, ConfigError, type OGateConfig, type OGateConfigInput, type LoadConfigOptions } from './config/index.ts';
export { createToken, verifyToken, parseTtl, tokenSecret, type TokenClaims } from './api/auth.ts';
export { DescriptorError, type DescriptorCause } from './descriptors/errors.ts';
export { KeyError } from './keys.ts';
