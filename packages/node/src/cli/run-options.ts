import { z } from 'zod';
import { ignoredOpt, opt, schemaOf } from './option-spec.ts';
import {
  choiceArg, corsArg, intArg, listenAddrArg, logArg, nodeKeyArg, peerAddrArg, portArg, wsUrlArg,
} from './value-schemas.ts';

/** Flags that pick a well-known development account (name + validator + key seed). */
export const DEV_ACCOUNTS = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'] as const;
export type DevAccount = (typeof DEV_ACCOUNTS)[number];

const flag = (description: string) => z.boolean().optional().describe(description);
const devAccountFlags = Object.fromEntries(
  DEV_ACCOUNTS.map((a) => [a, opt(`--${a}`, flag(`Shortcut for \`--name ${cap(a)} --validator\` with //${cap(a)} as the authoring key`))]),
) as Record<DevAccount, ReturnType<typeof opt<z.ZodOptional<z.ZodBoolean>>>>;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The `dinfra-node` (run) flags. Keys are commander attribute names (`--no-mdns` -> `mdns`).
 * This table is the single source of the flags, their validation, defaults and help text.
 */
export const runOptions = {
  // chain and node identity
  chain: opt('--chain <chain>', z.string().min(1).optional().describe('Chain spec: "dev", "local" or a path to a chain spec JSON file'), { defaultNote: '"dev" with --dev, else "local"' }),
  dev: opt('--dev', flag('Development chain: implies --chain dev, --tmp (without --base-path), --alice, --rpc-cors all, instant sealing')),
  name: opt('--name <name>', z.string().min(1).max(64).optional().describe('Human-readable name of this node'), { defaultNote: 'a random name' }),
  basePath: opt('-d, --base-path <path>', z.string().min(1).optional().describe('Directory for the chain database and keystore')),
  tmp: opt('--tmp', flag('Run with a temporary base path, removed on exit')),
  validator: opt('--validator', flag('Author blocks (needs an authority key)')),
  ...devAccountFlags,
  nodeKey: opt('--node-key <hex>', nodeKeyArg().optional().describe('Secret ed25519 network key (32 bytes hex) that fixes the peer id')),
  nodeKeyFile: opt('--node-key-file <file>', z.string().min(1).optional().describe('File holding the secret network key')),
  // authoring and finality
  sealing: opt('--sealing <mode>', choiceArg(['instant', 'interval', 'manual']).optional().describe('Block authoring: instant (a block per transaction batch), interval (every --block-time), manual (dev_newBlock)'), { defaultNote: 'instant with --dev, else interval' }),
  blockTime: opt('--block-time <ms>', intArg(1, 3_600_000).default('6000').describe('Milliseconds between blocks with --sealing interval')),
  finalityLag: opt('--finality-lag <blocks>', intArg(0, 1_000_000).default('0').describe('Finalized block = best minus this many blocks')),
  syncFrom: opt('--sync-from <url>', wsUrlArg().optional().describe('Follow the chain of the node at this ws:// RPC endpoint instead of authoring'), { defaultNote: 'derived from --bootnodes' }),
  // RPC
  rpcPort: opt('--rpc-port <port>', portArg().default('9944').describe('JSON-RPC server (HTTP + WebSocket) port')),
  rpcExternal: opt('--rpc-external', flag('Listen for RPC on all interfaces (safe methods only unless --rpc-methods unsafe)')),
  unsafeRpcExternal: opt('--unsafe-rpc-external', flag('Listen for RPC on all interfaces, all methods')),
  rpcCors: opt('--rpc-cors <origins>', corsArg().optional().describe('Browser origins allowed to call the RPC: "all" or a comma-separated list'), { defaultNote: 'all with --dev, else localhost and polkadot.js.org' }),
  rpcMethods: opt('--rpc-methods <methods>', choiceArg(['auto', 'safe', 'unsafe']).default('auto').describe('RPC methods to expose: auto, safe or unsafe')),
  rpcMaxConnections: opt('--rpc-max-connections <n>', intArg(1, 1_000_000).default('100').describe('Maximum concurrent RPC connections')),
  rpcMaxRequestSize: opt('--rpc-max-request-size <mb>', intArg(1, 4096).default('15').describe('Maximum RPC request size in megabytes')),
  rpcMaxResponseSize: opt('--rpc-max-response-size <mb>', intArg(1, 4096).default('15').describe('Maximum RPC response size in megabytes')),
  rpcMaxSubscriptionsPerConnection: opt('--rpc-max-subscriptions-per-connection <n>', intArg(1, 1_000_000).default('1024').describe('Maximum subscriptions per RPC connection')),
  // Prometheus
  prometheusPort: opt('--prometheus-port <port>', portArg().default('9615').describe('Prometheus /metrics port')),
  prometheusExternal: opt('--prometheus-external', flag('Serve Prometheus metrics on all interfaces')),
  prometheus: opt('--no-prometheus', z.boolean().default(true).describe('Do not serve Prometheus metrics')),
  // networking
  listenAddr: opt('--listen-addr <multiaddr...>', z.array(listenAddrArg()).optional().describe('Multiaddrs to listen on for peers'), { defaultNote: '/ip4/0.0.0.0/tcp/<--port>/ws' }),
  port: opt('--port <port>', portArg().default('30333').describe('Peer-to-peer port when --listen-addr is not given')),
  bootnodes: opt('--bootnodes <multiaddr...>', z.array(peerAddrArg()).optional().describe('Peers to connect to at start (/ip4/H/tcp/P/ws/p2p/ID)')),
  // logging
  log: opt('-l, --log <pattern...>', logArg().optional().describe('Log directives, e.g. "info" or "runtime=debug,sync=trace"'), { defaultNote: 'info' }),
  detailedLogOutput: opt('--detailed-log-output', flag('Log with target names and thread info')),
  // accepted for compatibility, no effect
  mdns: ignoredOpt('--no-mdns', 'Disable mDNS discovery'),
  telemetry: ignoredOpt('--no-telemetry', 'Disable telemetry'),
  telemetryUrl: ignoredOpt('--telemetry-url <url...>', 'Telemetry endpoint'),
  forceAuthoring: ignoredOpt('--force-authoring', 'Author even when offline'),
  discoverLocal: ignoredOpt('--discover-local', 'Discover peers on private IPs'),
  allowPrivateIp: ignoredOpt('--allow-private-ip', 'Allow peers on private IPs'),
  insecureValidatorIKnowWhatIDo: ignoredOpt('--insecure-validator-i-know-what-i-do', 'Allow an insecure validator setup'),
  hardwareBenchmarks: ignoredOpt('--no-hardware-benchmarks', 'Skip hardware benchmarks'),
  statePruning: ignoredOpt('--state-pruning <mode>', 'State pruning mode'),
  blocksPruning: ignoredOpt('--blocks-pruning <mode>', 'Blocks pruning mode'),
  pruning: ignoredOpt('--pruning <mode>', 'Pruning mode (legacy)'),
  database: ignoredOpt('--database <db>', 'Database backend'),
  dbCache: ignoredOpt('--db-cache <mb>', 'Database cache size'),
  execution: ignoredOpt('--execution <strategy>', 'Execution strategy (legacy)'),
  wasmExecution: ignoredOpt('--wasm-execution <method>', 'Wasm execution method'),
  unsafeForceNodeKeyGeneration: ignoredOpt('--unsafe-force-node-key-generation', 'Generate a node key when none exists'),
  publicAddr: ignoredOpt('--public-addr <multiaddr...>', 'Public address to advertise'),
  inPeers: ignoredOpt('--in-peers <n>', 'Maximum inbound peers'),
  outPeers: ignoredOpt('--out-peers <n>', 'Target outbound peers'),
  reservedNodes: ignoredOpt('--reserved-nodes <multiaddr...>', 'Reserved peers'),
  reservedOnly: ignoredOpt('--reserved-only', 'Connect to reserved peers only'),
  sync: ignoredOpt('--sync <mode>', 'Sync mode (full, fast, warp)'),
  enableOffchainIndexing: ignoredOpt('--enable-offchain-indexing <bool>', 'Offchain indexing'),
  offchainWorker: ignoredOpt('--offchain-worker <mode>', 'Offchain worker mode'),
  collator: ignoredOpt('--collator', 'Run as a collator'),
  parachainId: ignoredOpt('--parachain-id <id>', 'Parachain id'),
  wsPort: ignoredOpt('--ws-port <port>', 'WebSocket RPC port (legacy; use --rpc-port)'),
  wsExternal: ignoredOpt('--ws-external', 'Legacy WebSocket flag'),
  unsafeWsExternal: ignoredOpt('--unsafe-ws-external', 'Legacy WebSocket flag'),
  jaegerAgent: ignoredOpt('--jaeger-agent <addr>', 'Jaeger agent address'),
};

export const runOptionsSchema = schemaOf(runOptions);
export type RunOptions = z.infer<typeof runOptionsSchema>;
