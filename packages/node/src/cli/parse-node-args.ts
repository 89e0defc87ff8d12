import { Command, CommanderError } from 'commander';
import { buildSpecOptions, buildSpecOptionsSchema } from './build-spec-options.ts';
import { CliUsageError } from './cli-usage-error.ts';
import { compileNodeConfig } from './compile-node-config.ts';
import { defineOptions } from './define-options.ts';
import type { NodeCommand } from './node-command.ts';
import { runOptions, runOptionsSchema } from './run-options.ts';
import { NODE_BINARY_NAME, versionLine } from './version.ts';
import { validateOptions } from './validate-options.ts';

/**
 * Parses a polkadot-sdk-style command line (without the node and script paths).
 *
 * @example parseNodeArgs(['--dev', '--rpc-port', '9955'])
 * @throws CliUsageError (exitCode 2) naming the flag at fault.
 */
export function parseNodeArgs(argv: string[]): NodeCommand {
  let result: NodeCommand | undefined;
  let out = '';
  const program = buildProgram((r) => (result = r), (s) => (out += s));
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help') return { command: 'help', text: out };
    if (err.code === 'commander.version') return { command: 'version', text: out };
    throw new CliUsageError(err.message.replace(/^error: /, ''), { flag: flagIn(err.message), cause: err });
  }
  if (result === undefined) throw new CliUsageError('nothing to do');
  return result;
}

/** Help text of the run command (for docs and `--help`). */
export function nodeHelp(): string {
  return buildProgram(() => undefined, () => undefined).helpInformation();
}

function buildProgram(done: (r: NodeCommand) => void, write: (s: string) => void): Command {
  const configure = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureOutput({ writeOut: write, writeErr: write, outputError: () => undefined })
      .showSuggestionAfterError(true);

  const program = configure(new Command(NODE_BINARY_NAME))
    .description('A Substrate-compatible node for the DINFRA runtime, in TypeScript')
    .version(versionLine(), '-V, --version', 'Print version information')
    .helpOption('-h, --help', 'Print help')
    .enablePositionalOptions();
  defineOptions(program, runOptions).action(() => {
    const { options, ignored } = validateOptions(program, runOptions, runOptionsSchema);
    done({ command: 'run', config: compileNodeConfig(options, ignored) });
  });

  const buildSpec = configure(new Command('build-spec'))
    .description('Print the chain spec as JSON (plain, or raw with --raw)')
    .helpOption('-h, --help', 'Print help');
  defineOptions(buildSpec, buildSpecOptions).action(() => {
    const { options, ignored } = validateOptions(buildSpec, buildSpecOptions, buildSpecOptionsSchema);
    done({
      command: 'build-spec',
      chain: options.chain ?? (options.dev === true ? 'dev' : 'local'),
      raw: options.raw === true,
      disableDefaultBootnode: options.disableDefaultBootnode === true,
      ignored,
    });
  });
  program.addCommand(buildSpec);
  return program;
}

function flagIn(message: string): string | undefined {
  return /'(-{1,2}[A-Za-z0-9-]+)/.exec(message)?.[1];
}
