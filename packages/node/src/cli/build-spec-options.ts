import { z } from 'zod';
import { ignoredOpt, opt, schemaOf } from './option-spec.ts';

const flag = (description: string) => z.boolean().optional().describe(description);

/** Flags of `dinfra-node build-spec`. */
export const buildSpecOptions = {
  chain: opt('--chain <chain>', z.string().min(1).optional().describe('Chain spec to print: "dev", "local" or a path to a chain spec JSON file'), { defaultNote: '"dev" with --dev, else "local"' }),
  dev: opt('--dev', flag('Shortcut for --chain dev')),
  raw: opt('--raw', flag('Print the raw spec (genesis storage as hex key/value pairs)')),
  disableDefaultBootnode: opt('--disable-default-bootnode', flag('Do not add a bootnode for this machine to bootNodes')),
  basePath: ignoredOpt('-d, --base-path <path>', 'Base path (unused by build-spec)'),
  log: ignoredOpt('-l, --log <pattern...>', 'Log directives'),
  detailedLogOutput: ignoredOpt('--detailed-log-output', 'Detailed log output'),
};

export const buildSpecOptionsSchema = schemaOf(buildSpecOptions);
export type BuildSpecOptions = z.infer<typeof buildSpecOptionsSchema>;
