import { Command, Option } from 'commander';
import { AMOUNT_HELP } from './lib/amount.ts';
import { DEFAULT_URL } from './lib/connect.ts';
import { KEY_SCHEMES } from './lib/keys.ts';
import { WAIT_CHOICES } from './lib/tx.ts';
import { providerCommand } from './commands/provider/index.ts';
import { marketCommand } from './commands/market/market.ts';
import { typeCommand } from './commands/type/index.ts';
import { subscribeCommand } from './commands/subscribe/subscribe.ts';
import { subscriptionCommand } from './commands/subscription/index.ts';
import { keysCommand } from './commands/keys/index.ts';
import { snapshotCommand } from './commands/snapshot/index.ts';

export const VERSION = '0.1.0';

const EPILOG = `
Signing key: --suri (or DINFRA_SURI), or --keystore FILE (or DINFRA_KEYSTORE) with the
password from DINFRA_PASSWORD or a prompt. Keys are never printed or logged.
Amounts: ${AMOUNT_HELP.replace(/^amounts: /, '')}.
Output: tables with token units; --json prints one JSON document (balances as planck strings).
Exit codes: 0 ok, 1 the chain refused or an operation failed, 2 usage error (nothing submitted),
130 interrupted.`;

/** Commands added with addCommand() do not inherit help and error settings: copy them down. */
function inheritSettings(parent: Command): void {
  for (const sub of parent.commands) {
    sub.copyInheritedSettings(parent);
    inheritSettings(sub);
  }
}

/** The `dinfra` command tree. */
export function buildProgram(): Command {
  const program = new Command('dinfra')
    .description('DINFRA marketplace: providers offer infrastructure, subscribers buy it, on-chain')
    .version(VERSION)
    .addOption(new Option('-u, --url <url>', 'WebSocket URL of a DINFRA node').env('DINFRA_URL').default(DEFAULT_URL))
    .addOption(new Option('--json', 'print one JSON document instead of tables'))
    .addOption(new Option('--suri <suri>', 'signing key as a secret URI (mnemonic, hex seed, //Alice); prefer DINFRA_SURI').env('DINFRA_SURI'))
    .addOption(new Option('--keystore <file>', 'signing key from a polkadot-js keystore JSON file').env('DINFRA_KEYSTORE'))
    .addOption(new Option('--key-type <scheme>', 'crypto scheme of --suri').choices(KEY_SCHEMES).default('sr25519'))
    .addOption(new Option('--wait <when>', 'after submitting, wait until: none | in-block | finalized | running (a subscription runs)').choices(WAIT_CHOICES).default('finalized').env('DINFRA_WAIT'))
    .addOption(new Option('--planck', 'bare numbers in amounts are plancks, not tokens'))
    .addOption(new Option('--timeout <seconds>', 'connection timeout').default('10'))
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError()
    .exitOverride()
    .addHelpText('after', EPILOG);
  program.addCommand(providerCommand());
  program.addCommand(marketCommand());
  program.addCommand(typeCommand());
  program.addCommand(subscribeCommand());
  program.addCommand(subscriptionCommand());
  program.addCommand(keysCommand());
  program.addCommand(snapshotCommand());
  inheritSettings(program);
  return program;
}
