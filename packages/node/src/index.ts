/**
 * @dinfra/node — dinfra-node, a Substrate-compatible node for the DINFRA runtime.
 *
 * @example
 * ```ts
 * import { NodeService, parseNodeArgs, createLogger } from '@dinfra/node';
 * const cmd = parseNodeArgs(['--dev', '--rpc-port', '0']);
 * if (cmd.command === 'run') await NodeService.start({ config: cmd.config, logger: createLogger('info'), version: '0.1.0' });
 * ```
 */
export { NodeService } from './service.ts';
export type { NodeServiceOptions } from './service.ts';
export { main } from './main.ts';
export { parseNodeArgs } from './cli/index.ts';
export type { NodeConfig } from './cli/index.ts';
export { createLogger } from './logger.ts';
