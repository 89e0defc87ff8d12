import type { BuildGenesisStorage } from './genesis-config.ts';
import { toRawChainSpec } from './genesis-storage.ts';
import { loadChainSpec } from './load-chain-spec.ts';
import { stringifyJsonLossless } from './lossless-json.ts';

/** What `build-spec` needs from the parsed command line. */
export interface BuildSpecRequest {
  chain: string;
  raw: boolean;
  /** We never add a bootnode for the local machine, so this is accepted and has no effect. */
  disableDefaultBootnode?: boolean;
}

/** The JSON text `dinfra-node build-spec` prints (plain, or raw with --raw), newline-terminated. */
export function buildSpecCommand(cmd: BuildSpecRequest, buildGenesisStorage: BuildGenesisStorage, cwd?: string): string {
  const spec = loadChainSpec(cmd.chain, cwd);
  return `${stringifyJsonLossless(cmd.raw ? toRawChainSpec(spec, buildGenesisStorage) : spec)}\n`;
}
