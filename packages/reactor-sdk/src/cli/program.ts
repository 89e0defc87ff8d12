import { addSchemaFlags } from '@dinfra/service';
import { Command, InvalidArgumentError } from 'commander';
import { backendNames } from '../backends/registry.ts';
import { reactorConfigSchema } from './config.ts';

const seconds = (flag: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${flag} takes a number of seconds >= 0`);
  return n;
};

/**
 * The `dinfra-reactor` command line: one flag per top-level field of the config schema (values
 * are validated with the config file by zod); `fields` turns the parsed flags into config fields.
 */
export function program(): { cmd: Command; fields: (opts: Record<string, unknown>) => Record<string, unknown> } {
  const cmd = new Command('dinfra-reactor')
    .description('Makes a provider\'s infrastructure match the desired state OGate serves, probes it, and reports back.')
    .option('--config <file>', 'settings file (YAML/JSON); flags override it');
  const fields = addSchemaFlags(cmd, reactorConfigSchema, {
    flags: { graceS: '--grace <seconds>', backend: `--backend <${backendNames().join('|')}>` },
    parsers: { graceS: seconds('--grace') },
    env: (f) => (f === 'token' ? 'DINFRA_REACTOR_TOKEN' : undefined),
  });
  cmd
    .addHelpText('after', `
Examples:
  dinfra-reactor --ogate http://127.0.0.1:8420 --token "$TOKEN" --data-dir ./reactor
  dinfra-reactor --config reactor.yaml --backend aws --grace 300

Logs are pino JSON lines on stderr; the first line on start is "reactor listening on http://HOST:PORT".
Exit codes: 0 stopped by a signal, 1 failed, 2 bad configuration.`)
    .exitOverride()
    .showHelpAfterError();
  return { cmd, fields };
}
