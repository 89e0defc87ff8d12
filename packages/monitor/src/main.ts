import { Command, CommanderError } from 'commander';
import { apiCommands } from './cli/api-commands.ts';
import { flagsToConfig, runCommand, type RunFlags } from './cli/program.ts';
import { compileConfig, readConfigFile } from './config/load-config.ts';
import { ConfigError } from './errors.ts';
import { Monitor } from './monitor.ts';
import { OgateTargets } from './targets/ogate-targets.ts';

/** Runs until SIGINT/SIGTERM; resolves with the exit code. */
async function run(flags: RunFlags): Promise<number> {
  let monitor: Monitor;
  try {
    const file = flags.config ? readConfigFile(flags.config) : {};
    monitor = Monitor.create(compileConfig(file, flagsToConfig(flags), flags.config));
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`dinfra-monitor: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let addr: { url: string };
  try {
    addr = await monitor.start();
  } catch (e) {
    process.stderr.write(`dinfra-monitor: cannot listen on ${monitor.config.listen}: ${(e as Error).message}\n`);
    await monitor.close().catch(() => undefined);
    return 2;
  }
  const ogate = monitor.config.ogate ? new OgateTargets(monitor) : undefined;
  ogate?.start();
  process.stdout.write(`monitor listening on ${addr.url}\n`);
  monitor.logger.info({ url: addr.url, targets: monitor.targets.map((t) => t.name), location: monitor.config.location }, 'monitor started');
  return new Promise<number>((resolve) => {
    const stop = () => {
      ogate?.stop();
      void monitor.close().finally(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `dinfra-monitor run|note|incidents`: resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code: number | Promise<number> = 0;
  const program = new Command('dinfra-monitor')
    .description('Watches Substrate JSON-RPC endpoints and DINFRA deployments: checks, history, incidents, alarms and a status page.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText(
      'after',
      `
Examples:
  dinfra-monitor run --target alice=ws://127.0.0.1:9944 --data-dir ./monitor --listen 127.0.0.1:9720
  dinfra-monitor run --ogate http://127.0.0.1:8080 --token $MONITOR_TOKEN --data-dir ./monitor
  dinfra-monitor incidents --open
  dinfra-monitor note 3 "upstream provider confirmed a network outage" --token $DINFRA_MONITOR_TOKEN

Page at /, JSON API under /api/ (OpenAPI at /api/openapi.json), /metrics, /healthz, /readyz.
Exit codes: 0 stopped by SIGINT/SIGTERM or done, 1 an API command failed, 2 bad flags or config.`,
    );
  program.addCommand(runCommand(async (f) => void (code = run(f))).exitOverride());
  for (const c of apiCommands((s) => process.stdout.write(`${s}\n`))) program.addCommand(c.exitOverride());
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`dinfra-monitor: ${(e as Error).message}\n`);
    return 1;
  }
  return code;
}
