/** dinfra-ogate: the command line. */
import { Command, CommanderError } from 'commander';
import { runCommand } from './run-command.ts';
import { tokenCommand } from './token-command.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('dinfra-ogate')
    .description("OGate: the provider's gateway between the DINFRA chain and its reactors")
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  const exit = { code: 0 };
  program.addCommand(runCommand(exit));
  program.addCommand(tokenCommand());
  for (const c of program.commands) {
    c.exitOverride();
    for (const s of c.commands) s.exitOverride();
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    console.error(`dinfra-ogate: ${(e as Error).message}`);
    return 2;
  }
}
