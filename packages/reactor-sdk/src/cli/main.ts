import { untilSignal } from '@dinfra/service';
import { CommanderError } from 'commander';
import { ChainCatalogError } from '../launch/errors.ts';
import { BackendConfigError } from '../backends/registry.ts';
import { compileConfig, readConfigFile, ReactorConfigError } from './config.ts';
import { program } from './program.ts';
import { runReactor } from './run.ts';

/** `dinfra-reactor` entry point; resolves with the exit code once stopped. */
export async function main(argv: string[]): Promise<number> {
  const { cmd, fields } = program();
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const o = cmd.opts<Record<string, unknown>>();
  let running;
  try {
    const file = o.config ? readConfigFile(String(o.config)) : {};
    const config = compileConfig(fields(o), file);
    running = await runReactor(config);
  } catch (e) {
    if (e instanceof ReactorConfigError || e instanceof ChainCatalogError || e instanceof BackendConfigError) {
      process.stderr.write(`dinfra-reactor: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const r = running;
  return untilSignal(() => r.stop(), { service: 'dinfra-reactor', note: 'deployments keep running' });
}
