import { ChainSpecError } from './chain-spec-error.ts';
import { isRawSpec, type ChainSpecJson, type RawGenesis } from './chain-spec-schema.ts';
import { genesisConfigSchema, type BuildGenesisStorage, type GenesisConfig } from './genesis-config.ts';
import { describeIssues } from './load-chain-spec.ts';

/** Well-known key `:code` (hex of the ASCII bytes), where the runtime code lives. */
export const CODE_KEY = '0x3a636f6465';

/**
 * The runtime GenesisConfig of a plain spec: its `patch` applied over empty defaults (or its
 * full `config`). Sections the runtime does not know (e.g. `session`) are ignored.
 * @throws ChainSpecError when the spec is raw or its genesis is malformed.
 */
export function genesisConfigOf(spec: ChainSpecJson): GenesisConfig {
  const genesis = spec.genesis;
  if ('raw' in genesis) throw new ChainSpecError(spec.id, 'is raw: it has no genesis config, only storage');
  const { patch, config } = genesis.runtimeGenesis;
  const result = genesisConfigSchema.safeParse(patch ?? config);
  if (!result.success) {
    const where = patch !== undefined ? 'genesis.runtimeGenesis.patch' : 'genesis.runtimeGenesis.config';
    throw new ChainSpecError(spec.id, `${where}: ${describeIssues(result.error)}`, { cause: result.error });
  }
  return result.data;
}

/** Genesis storage (0x key -> 0x value) of a spec: its raw `top`, or built from its config. */
export function genesisStorageOf(spec: ChainSpecJson, buildGenesisStorage: BuildGenesisStorage): Map<string, string> {
  const genesis = spec.genesis;
  if ('raw' in genesis) return new Map(Object.entries(genesis.raw.top).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
  const storage = new Map(buildGenesisStorage(genesisConfigOf(spec)));
  if (!storage.has(CODE_KEY)) storage.set(CODE_KEY, genesis.runtimeGenesis.code.toLowerCase());
  return storage;
}

/** The raw form of a spec: same name, id and properties, genesis as sorted storage. */
export function toRawChainSpec(spec: ChainSpecJson, buildGenesisStorage: BuildGenesisStorage): ChainSpecJson {
  if (isRawSpec(spec)) return spec;
  const entries = [...genesisStorageOf(spec, buildGenesisStorage)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const genesis: RawGenesis = { raw: { top: Object.fromEntries(entries), childrenDefault: {} } };
  return { ...spec, genesis };
}
