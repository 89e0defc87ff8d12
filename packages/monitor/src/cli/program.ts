import { Command, Option } from 'commander';

const collect = (v: string, prev: string[] = []) => [...prev, v];
const num = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v);

export interface RunFlags {
  target?: string[];
  reference?: string[];
  ogate?: string;
  token?: string;
  ogateProvider?: string;
  ogatePoll?: number | string;
  listen?: string;
  dataDir?: string;
  location?: string;
  config?: string;
  interval?: number | string;
  blockTime?: number | string;
  operatorToken?: string;
  quorum?: number | string;
  recorder?: string;
  recorderSecret?: string;
  locationSecret?: string[];
  jsonLogs?: boolean;
  logLevel?: string;
}

/** `dinfra-monitor run` flags; values not given stay undefined (the file and defaults fill them). */
export function runCommand(action: (f: RunFlags) => Promise<void>): Command {
  return new Command('run')
    .description('watch the targets, keep history and incidents, serve the status page and API')
    .addOption(new Option('--target <name=url>', 'an endpoint to watch, NAME=ws://HOST:PORT (repeat)').argParser(collect))
    .addOption(new Option('--reference <url>', 'an endpoint of the network: head lag is measured against it (repeat)').argParser(collect))
    .option('--ogate <url>', 'watch every running deployment of the provider behind this OGate')
    .option('--token <jwt>', 'OGate token (a read-only one: dinfra-ogate token create --scope read)')
    .option('--ogate-provider <name>', 'provider name shown for OGate\'s deployments [ogate]')
    .addOption(new Option('--ogate-poll <ms>', 'read OGate\'s deployments this often [30000]').argParser(num))
    .option('--listen <host:port>', 'page, API and /metrics [127.0.0.1:9720]')
    .option('--data-dir <dir>', 'where the SQLite history lives (required)')
    .option('--location <name>', 'name of this probe location [local]')
    .option('--config <file>', 'YAML or JSON config file (flags override it)')
    .addOption(new Option('--interval <ms>', 'one round of checks every this many ms [10000]').argParser(num))
    .addOption(new Option('--block-time <ms>', 'expected block time [6000]').argParser(num))
    .option('--operator-token <token>', 'bearer token for writes (operator notes)')
    .addOption(new Option('--quorum <n>', 'locations that must agree before an incident opens [2]').argParser(num))
    .option('--recorder <url>', 'push signed results to this recording monitor (this one then judges nothing)')
    .option('--recorder-secret <secret>', 'this location\'s HMAC secret, known to the recorder')
    .addOption(new Option('--location-secret <name=secret>', 'on the recorder: a location that may push, and its secret (repeat)').argParser(collect))
    .option('--json-logs', 'pino JSON lines instead of readable lines')
    .addOption(new Option('--log-level <level>', 'fatal | error | warn | info | debug | trace | silent [info]'))
    .action(action);
}

/** Splits `NAME=URL`. */
export function parseTargetFlag(v: string): { name: string; url: string } {
  const i = v.indexOf('=');
  return i > 0 ? { name: v.slice(0, i), url: v.slice(i + 1) } : { name: '', url: v };
}

/** Flags as a partial config, for merging over the file. */
export function flagsToConfig(f: RunFlags): Record<string, unknown> {
  return {
    listen: f.listen,
    dataDir: f.dataDir,
    location: f.location,
    targets: f.target?.map(parseTargetFlag),
    references: f.reference,
    ogate: f.ogate !== undefined || f.token !== undefined ? { url: f.ogate, token: f.token, provider: f.ogateProvider, pollMs: f.ogatePoll } : undefined,
    checks: { ...(f.interval !== undefined ? { intervalMs: f.interval } : {}), ...(f.blockTime !== undefined ? { blockTimeMs: f.blockTime } : {}) },
    quorum: f.quorum,
    recorder: f.recorder !== undefined || f.recorderSecret !== undefined ? { url: f.recorder, secret: f.recorderSecret } : undefined,
    locations: f.locationSecret ? { secrets: Object.fromEntries(f.locationSecret.map((v) => [v.slice(0, Math.max(0, v.indexOf('='))), v.slice(v.indexOf('=') + 1)])) } : undefined,
    api: f.operatorToken !== undefined ? { operatorToken: f.operatorToken } : undefined,
    logs: { ...(f.jsonLogs ? { json: true } : {}), ...(f.logLevel ? { level: f.logLevel } : {}) },
  };
}
