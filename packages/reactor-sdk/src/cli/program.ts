import { Command, InvalidArgumentError } from 'commander';
import { backendNames } from '../backends/registry.ts';

const num = (flag: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${flag} takes a number of seconds >= 0`);
  return n;
};

/** The `dinfra-reactor` command line (values are validated again, with the config file, by zod). */
export function program(): Command {
  return new Command('dinfra-reactor')
    .description('Makes a provider\'s infrastructure match the desired state OGate serves, probes it, and reports back.')
    .option('--ogate <url>', 'OGate base URL, e.g. http://127.0.0.1:8420')
    .option('--token <jwt>', 'reactor token from `dinfra-ogate token create` (or DINFRA_REACTOR_TOKEN)')
    .option('--backend <name>', `backend: ${backendNames().join(' | ')} (default local)`)
    .option('--data-dir <dir>', 'state directory: SQLite store, local deployments and their logs')
    .option('--listen <host:port>', '/healthz, /readyz, /metrics (default 127.0.0.1:9500; port 0 = any)')
    .option('--chains <file>', 'chain catalog (YAML/JSON): chain name → binary, chain spec, bootnodes, default args')
    .option('--config <file>', 'settings file (YAML/JSON); flags override it')
    .option('--grace <seconds>', 'wait after OGate says absent before destroying (default 0, for dev)', num('--grace'))
    .option('--public-host <host>', 'host in reported endpoints (default 127.0.0.1)')
    .option('--log-level <level>', 'trace | debug | info | warn | error (default info)')
    .addHelpText('after', `
Examples:
  dinfra-reactor --ogate http://127.0.0.1:8420 --token "$TOKEN" --data-dir ./reactor
  dinfra-reactor --config reactor.yaml --backend aws --grace 300

Logs are pino JSON lines on stderr; the first line on start is "reactor listening on http://HOST:PORT".
Exit codes: 0 stopped by a signal, 1 failed, 2 bad configuration.`)
    .exitOverride()
    .showHelpAfterError();
}
