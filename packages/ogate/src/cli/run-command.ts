/** `dinfra-ogate run`: start OGate (flags > env DINFRA_OGATE_* > --config file). */
import { addSchemaFlags, untilSignal } from '@dinfra/service';
import { Command } from 'commander';
import { configFields, envName, loadConfig } from '../config/index.ts';
import { startOGate } from '../ogate.ts';

/** The flags come from the config schema: one per field, its description the help. */
export function runCommand(exit: { code: number }): Command {
  const cmd = new Command('run')
    .description('Follow the chain for one provider and serve its reactors')
    .option('--config <file>', 'YAML or JSON config file (same field names, camelCase)');
  const fields = addSchemaFlags(cmd, configFields, {
    flags: { oldSuris: '--old-suri <suri...>' },
    omit: ['password'],
    env: (f) => (f === 'oldSuris' ? undefined : envName(f)),
  });
  return cmd
    .addHelpText('after', '\nThe keystore password comes from DINFRA_PASSWORD.\n\nExample:\n  dinfra-ogate run --url ws://127.0.0.1:9944 --suri //Alice --data-dir ./ogate --listen 127.0.0.1:8420')
    .action(async (opts: Record<string, unknown>) => {
      const config = loadConfig({ file: opts.config as string | undefined, flags: fields(opts) });
      const ogate = await startOGate(config);
      exit.code = await untilSignal(() => ogate.stop(), { service: 'dinfra-ogate' });
    });
}
