/**
 * Command line of `dinfra-node`: polkadot-sdk-compatible flags, validated with zod.
 *
 * @example
 * const cmd = parseNodeArgs(process.argv.slice(2));
 * if (cmd.command === 'run') start(cmd.config);
 */
export { parseNodeArgs, nodeHelp } from './parse-node-args.ts';
export { compileNodeConfig } from './compile-node-config.ts';
export { CliUsageError } from './cli-usage-error.ts';
export { DEFAULT_RPC_CORS } from './node-config.ts';
export { DEV_ACCOUNTS, runOptions, runOptionsSchema } from './run-options.ts';
export { buildSpecOptions } from './build-spec-options.ts';
export { NODE_BINARY_NAME, NODE_VERSION, nodeVersion, versionLine } from './version.ts';
export type { NodeCommand } from './node-command.ts';
export type { NodeConfig, RpcMethods, SealingMode } from './node-config.ts';
export type { DevAccount, RunOptions } from './run-options.ts';
export type { BuildSpecOptions } from './build-spec-options.ts';
