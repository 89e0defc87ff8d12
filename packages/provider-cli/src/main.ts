import { CommanderError } from 'commander';
import { resetInterrupt } from './command.ts';
import { CliError, InterruptedError } from './lib/errors.ts';
import { toJson } from './lib/output.ts';
import { buildProgram } from './program.ts';

/**
 * Runs `dinfra` with `argv` (without node and script) and returns the exit code: 0 ok, 1 the
 * chain refused or an operation failed, 2 usage error, 130 interrupted.
 */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const json = argv.includes('--json');
  const interrupt = resetInterrupt();
  let interrupted = 0;
  const onSigint = () => {
    interrupted++;
    interrupt.abort();
    if (interrupted > 1) process.exit(130);
    // A command not waiting on anything abortable ends here.
    setTimeout(() => process.exit(130), 3000).unref();
  };
  process.on('SIGINT', onSigint);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every parse error (unknown option, missing argument, bad choice) is a usage error.
      if (e.exitCode === 0) return 0;
      if (json && e.code !== 'commander.help' && e.code !== 'commander.helpDisplayed') {
        process.stdout.write(toJson({ error: { code: 'E_USAGE', message: e.message.replace(/^error: /, '') } }, 2) + '\n');
      }
      return 2;
    }
    const err = interrupt.signal.aborted && !(e instanceof CliError) ? new InterruptedError('interrupted') : e;
    if (err instanceof CliError) {
      process.stderr.write(`dinfra: error: ${err.message}\n`);
      if (json) {
        const chain = 'error' in err && typeof err.error === 'string' ? { chainError: err.error } : {};
        process.stdout.write(toJson({ error: { code: err.code, message: err.message, ...chain } }, 2) + '\n');
      }
      return err.exitCode;
    }
    process.stderr.write(`dinfra: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
