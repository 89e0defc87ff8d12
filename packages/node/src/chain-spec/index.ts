/**
 * Substrate chain specs for dinfra-node: the dev/local presets, loading and validating spec
 * files, and turning a plain spec into genesis storage with an injected `buildGenesisStorage`.
 *
 * @example
 * import { buildGenesisStorage } from '@dinfra/runtime';
 * const storage = genesisStorageOf(loadChainSpec('dev'), buildGenesisStorage);
 */
export { buildSpecCommand } from './build-spec-command.ts';
export { ChainSpecError } from './chain-spec-error.ts';
export { chainSpecSchema, isRawSpec } from './chain-spec-schema.ts';
export { genesisConfigSchema } from './genesis-config.ts';
export { CODE_KEY, genesisConfigOf, genesisStorageOf, toRawChainSpec } from './genesis-storage.ts';
export { CHAIN_PRESETS, loadChainSpec, parseChainSpec, presetPath } from './load-chain-spec.ts';
export { parseJsonLossless, stringifyJsonLossless } from './lossless-json.ts';
export type { BuildSpecRequest } from './build-spec-command.ts';
export type { ChainSpecJson, PlainGenesis, RawGenesis } from './chain-spec-schema.ts';
export type { BuildGenesisStorage, GenesisConfig } from './genesis-config.ts';
