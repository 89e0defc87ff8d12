import { CliUsageError } from './cli-usage-error.ts';
import { DEFAULT_RPC_CORS, type NodeConfig } from './node-config.ts';
import { randomNodeName } from './random-name.ts';
import { DEV_ACCOUNTS, type DevAccount, type RunOptions } from './run-options.ts';

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Applies the cross-flag rules of polkadot-sdk to validated options:
 * --dev implies chain dev, tmp, alice, cors all and instant sealing; --alice..--ferdie set
 * name and validator; --*-external bind 0.0.0.0.
 */
export function compileNodeConfig(o: RunOptions, ignored: string[] = []): NodeConfig {
  const dev = o.dev === true;
  if (o.tmp === true && o.basePath !== undefined) {
    throw new CliUsageError('--tmp cannot be used with --base-path', { flag: '--tmp' });
  }
  const picked = DEV_ACCOUNTS.filter((a) => o[a] === true);
  if (picked.length > 1) {
    throw new CliUsageError(`--${picked[0]} cannot be used with --${picked[1]}`, { flag: `--${picked[1]}` });
  }
  const devAccount: DevAccount | undefined = picked[0] ?? (dev ? 'alice' : undefined);
  const accountName = devAccount === undefined ? undefined : capitalize(devAccount);

  const config: NodeConfig = {
    chain: o.chain ?? (dev ? 'dev' : 'local'),
    dev,
    name: o.name ?? (picked[0] !== undefined ? (accountName as string) : randomNodeName()),
    tmp: o.tmp === true || (dev && o.basePath === undefined),
    rpcHost: o.rpcExternal === true || o.unsafeRpcExternal === true ? '0.0.0.0' : '127.0.0.1',
    rpcPort: o.rpcPort,
    rpcCors: o.rpcCors ?? (dev ? 'all' : [...DEFAULT_RPC_CORS]),
    rpcMethods: o.rpcMethods,
    rpcMaxConnections: o.rpcMaxConnections,
    rpcMaxRequestSizeMb: o.rpcMaxRequestSize,
    rpcMaxResponseSizeMb: o.rpcMaxResponseSize,
    rpcMaxSubscriptionsPerConnection: o.rpcMaxSubscriptionsPerConnection,
    prometheusHost: o.prometheusExternal === true ? '0.0.0.0' : '127.0.0.1',
    prometheusPort: o.prometheusPort,
    noPrometheus: !o.prometheus,
    listenAddr: o.listenAddr ?? [`/ip4/0.0.0.0/tcp/${o.port}/ws`],
    bootnodes: o.bootnodes ?? [],
    validator: o.validator === true || devAccount !== undefined,
    sealing: o.sealing ?? (dev ? 'instant' : 'interval'),
    blockTimeMs: o.blockTime,
    finalityLag: o.finalityLag,
    logLevel: o.log ?? 'info',
    detailedLogOutput: o.detailedLogOutput === true,
    ignored,
  };
  if (o.basePath !== undefined) config.basePath = o.basePath;
  if (o.syncFrom !== undefined) config.syncFrom = o.syncFrom;
  if (o.nodeKey !== undefined) config.nodeKey = o.nodeKey;
  if (o.nodeKeyFile !== undefined) config.nodeKeyFile = o.nodeKeyFile;
  if (devAccount !== undefined) {
    config.devAccount = devAccount;
    config.devKeySeed = `//${accountName as string}`;
  }
  return config;
}
