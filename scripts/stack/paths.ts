// Where the stack keeps its state and which ports it uses (fixed so that the printed next
// commands work as written).
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface StackPaths {
  readonly state: string;
  readonly chain: string;
  readonly ipfs: string;
  readonly ogate: string;
  readonly reactor: string;
  readonly monitor: string;
}

export function stackPaths(state = join(ROOT, '.dinfra')): StackPaths {
  return { state, chain: join(state, 'chain'), ipfs: join(state, 'ipfs'), ogate: join(state, 'ogate'), reactor: join(state, 'reactor'), monitor: join(state, 'monitor') };
}

export const BIN = {
  node: join(ROOT, 'packages/node/bin/dinfra-node.mjs'),
  ogate: join(ROOT, 'packages/ogate/bin/dinfra-ogate.mjs'),
  reactor: join(ROOT, 'packages/reactor-sdk/bin/dinfra-reactor.mjs'),
  monitor: join(ROOT, 'packages/monitor/bin/dinfra-monitor.mjs'),
  cli: join(ROOT, 'packages/provider-cli/bin/dinfra.mjs'),
  wasmChain: join(ROOT, 'scripts/wasm-chain.mjs'),
} as const;

export interface StackPorts {
  readonly rpc: number;
  readonly prometheus: number;
  readonly p2p: number;
  readonly ogate: number;
  readonly reactor: number;
  readonly monitor: number;
}

export const DEFAULT_PORTS: StackPorts = { rpc: 9944, prometheus: 9615, p2p: 30333, ogate: 8420, reactor: 8421, monitor: 8422 };

/** The configuration files shared with docker-compose.yml. */
export const CONFIG = {
  ogate: join(ROOT, 'deploy/ogate.yaml'),
  reactor: join(ROOT, 'deploy/reactor.yaml'),
  chains: join(ROOT, 'deploy/chains.yaml'),
} as const;
