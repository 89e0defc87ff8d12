import { CommanderError } from 'commander';
import { buildProgram, flagsToConfig, type ProgramFlags } from './cli/program.ts';
import { compileConfig, readConfigFile } from './config/load-config.ts';
import { ConfigError } from './errors.ts';
import { Gateway } from './gateway.ts';

/** `dinfra-gateway`: resolves with the exit code once stopped (by SIGINT/SIGTERM). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const flags = program.opts<ProgramFlags>();
  let gateway: Gateway;
  try {
    const file = flags.config ? readConfigFile(flags.config) : {};
    const config = compileConfig(file, flagsToConfig(flags), flags.config);
    gateway = Gateway.create(config);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`dinfra-gateway: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let addr: { url: string };
  try {
    addr = await gateway.start();
  } catch (e) {
    process.stderr.write(`dinfra-gateway: cannot listen on ${gateway.config.listen}: ${(e as Error).message}\n`);
    await gateway.close().catch(() => undefined);
    return 2;
  }
  process.stdout.write(`gateway listening on ${addr.url}\n`);
  gateway.logger.info({ url: addr.url, upstreams: gateway.pool.upstreams.map((u) => u.client.url) }, 'gateway started');
  return new Promise<number>((resolve) => {
    const stop = () => void gateway.close().finally(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
