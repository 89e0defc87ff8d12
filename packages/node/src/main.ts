import { buildGenesisStorage } from '@dinfra/runtime';
import { CliUsageError, parseNodeArgs, versionLine } from './cli/index.ts';
import { buildSpecCommand, ChainSpecError } from './chain-spec/index.ts';
import { createLogger } from './logger.ts';
import { NodeService } from './service.ts';
import { chainHeadExtensions } from './rpc/spec-v1/index.ts';

/** Entry point of `dinfra-node`: parse flags, then run the node or a subcommand. */
export async function main(argv: string[]): Promise<number> {
  let cmd;
  try {
    cmd = parseNodeArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`error: ${e.message}\n\nFor more information, try '--help'.\n`);
      return 2;
    }
    throw e;
  }
  if (cmd.command === 'help' || cmd.command === 'version') {
    process.stdout.write(cmd.text.endsWith('\n') ? cmd.text : cmd.text + '\n');
    return 0;
  }
  if (cmd.command === 'build-spec') {
    try {
      process.stdout.write(buildSpecCommand(cmd, buildGenesisStorage) + '\n');
      return 0;
    } catch (e) {
      if (e instanceof ChainSpecError) {
        process.stderr.write(`Error: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  }
  const config = cmd.config;
  // Human-readable lines by default; DINFRA_LOG_FORMAT=json for machine-readable pino JSON.
  const logger = createLogger(config.logLevel, process.env.DINFRA_LOG_FORMAT === 'json');
  logger.info('DINFRA Node');
  logger.info(`✌️  version ${versionLine().split(' ')[1]}`);
  logger.info(`📋 Chain specification: ${config.chain}`);
  logger.info(`🏷  Node name: ${config.name}`);
  logger.info(`👤 Role: ${config.bootnodes.length || config.syncFrom ? 'FULL' : 'AUTHORITY'}`);
  if (config.ignored.length) logger.debug(`Ignoring flags that mean nothing to dinfra-node: ${config.ignored.join(' ')}`);
  let node: NodeService;
  try {
    node = await NodeService.start({ config, logger, version: versionLine().split(' ')[1] ?? '0.1.0', rpcExtensions: chainHeadExtensions });
  } catch (e) {
    if (e instanceof ChainSpecError) {
      logger.error(e.message);
      return 1;
    }
    logger.error({ err: e }, `Failed to start: ${(e as Error).message}`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  logger.info('Shutting down');
  await node.stop();
  return 0;
}
