import type { DevAccount } from './run-options.ts';

export type SealingMode = 'instant' | 'interval' | 'manual';
export type RpcMethods = 'auto' | 'safe' | 'unsafe';

/** Everything `dinfra-node` (run) needs, with defaults applied. Built by `compileNodeConfig`. */
export interface NodeConfig {
  /** 'dev' | 'local' | path to a chain spec file. */
  chain: string;
  dev: boolean;
  name: string;
  basePath?: string;
  /** Use a temporary base path (--tmp, or --dev without --base-path). */
  tmp: boolean;
  rpcHost: string;
  rpcPort: number;
  rpcCors: 'all' | string[];
  rpcMethods: RpcMethods;
  rpcMaxConnections: number;
  rpcMaxRequestSizeMb: number;
  rpcMaxResponseSizeMb: number;
  rpcMaxSubscriptionsPerConnection: number;
  prometheusHost: string;
  prometheusPort: number;
  noPrometheus: boolean;
  listenAddr: string[];
  bootnodes: string[];
  syncFrom?: string;
  /** Secret ed25519 network key, 64 lowercase hex digits without 0x. */
  nodeKey?: string;
  nodeKeyFile?: string;
  validator: boolean;
  /** Dev account whose key authors blocks (--alice..--ferdie; --dev implies alice). */
  devAccount?: DevAccount;
  /** Secret URI of that account, e.g. '//Alice'. */
  devKeySeed?: string;
  sealing: SealingMode;
  blockTimeMs: number;
  finalityLag: number;
  logLevel: string;
  detailedLogOutput: boolean;
  /** Accepted-but-meaningless flags that were passed, e.g. ['--no-mdns'], for a debug log. */
  ignored: string[];
}

/** Origins allowed by default outside --dev (as polkadot-sdk). */
export const DEFAULT_RPC_CORS = [
  'http://localhost:*',
  'http://127.0.0.1:*',
  'https://localhost:*',
  'https://127.0.0.1:*',
  'https://polkadot.js.org',
];
