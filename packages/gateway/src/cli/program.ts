import { Command, Option } from 'commander';
import { poolsFromFlags } from '../config/pool-flags.ts';

const collect = (v: string, prev: string[] = []) => [...prev, v];
const num = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v);

/** The command line; values not given stay undefined (the file and defaults fill them). */
export function buildProgram(): Command {
  return new Command('dinfra-gateway')
    .description('A Substrate-aware load-balancing JSON-RPC gateway: WebSocket and HTTP on one port, in front of N nodes.')
    .addOption(new Option('--upstream <url>', 'a node endpoint, ws://HOST:PORT, or NAME=ws://HOST:PORT for pool NAME (repeat for each node)').argParser(collect))
    .addOption(new Option('--pool <name=hosts>', 'a chain\'s pool: NAME=HOST[,HOST…] (exact names, *.suffix wildcards, /path prefixes; repeat per chain)').argParser(collect))
    .option('--admin-listen <host:port>', 'admin API (add/remove upstreams at run time) on its own port [off]')
    .option('--listen <host:port>', 'where clients connect (WebSocket and HTTP JSON-RPC, /health, /metrics) [127.0.0.1:9944]')
    .option('--config <file>', 'YAML or JSON config file (flags override it)')
    .option('--archive', 'the nodes are archive nodes: probe old state and drop those without it')
    .option('--json-logs', 'pino JSON lines (access log of every call included) instead of readable lines')
    .addOption(new Option('--log-level <level>', 'fatal | error | warn | info | debug | trace | silent [info]'))
    .addOption(new Option('--allow-method <method>', 'add a method to the allow-list (repeatable)').argParser(collect))
    .addOption(new Option('--health-interval <ms>', 'probe every upstream this often [2000]').argParser(num))
    .addOption(new Option('--rate-limit-ip <rps>', 'requests/s per client IP (burst 2x) [unlimited]').argParser(num))
    .addOption(new Option('--max-connections <n>', 'WebSocket connections in total [1000]').argParser(num))
    .addHelpText(
      'after',
      `
Examples:
  dinfra-gateway --upstream ws://10.0.0.1:9944 --upstream ws://10.0.0.2:9944 --listen 0.0.0.0:9944
  dinfra-gateway --config gateway.yaml --json-logs
  dinfra-gateway --pool polkadot=polkadot.example.com,/polkadot --pool kusama='*.kusama.example.com' \\
    --upstream polkadot=ws://10.0.0.1:9944 --upstream kusama=ws://10.0.1.1:9944 --admin-listen 127.0.0.1:9945
  dinfra-gateway report --since 24h --access-log access.log [--json]

Endpoints: ws://HOST:PORT and POST http://HOST:PORT (JSON-RPC; the pool by Host header or path
prefix; an unknown host gets a JSON-RPC error, 404 over HTTP), GET /status (every pool and upstream;
HTML with Accept: text/html or /status.html), /health (200 while an upstream is usable, else 503),
/healthz, /readyz, /metrics. SIGHUP re-reads --config and adds/removes upstreams without dropping
clients. Config file (YAML or JSON): listen, upstreams, pools, admin, archive, health, routing, cache,
methods, limits, logs (README.md, "dinfra-gateway"). Exit codes: 0 stopped by SIGINT/SIGTERM, 2 bad
flags or config.`,
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

export interface ProgramFlags {
  upstream?: string[];
  pool?: string[];
  adminListen?: string;
  listen?: string;
  config?: string;
  archive?: boolean;
  jsonLogs?: boolean;
  logLevel?: string;
  allowMethod?: string[];
  healthInterval?: number | string;
  rateLimitIp?: number | string;
  maxConnections?: number | string;
}

/** Flags as a partial config, for merging over the file. */
export function flagsToConfig(f: ProgramFlags): Record<string, unknown> {
  const rps = f.rateLimitIp;
  const { pools, upstreams } = poolsFromFlags(f.pool, f.upstream);
  return {
    listen: f.listen,
    upstreams: f.upstream ? upstreams : undefined,
    pools: pools.length ? pools : undefined,
    admin: f.adminListen ? { listen: f.adminListen } : undefined,
    archive: f.archive,
    health: f.healthInterval !== undefined ? { intervalMs: f.healthInterval } : undefined,
    methods: f.allowMethod ? { extraAllow: f.allowMethod } : undefined,
    limits: {
      ...(rps !== undefined ? { rateLimit: { perIp: { requestsPerSecond: rps, burst: typeof rps === 'number' ? Math.max(1, Math.ceil(rps * 2)) : rps } } } : {}),
      ...(f.maxConnections !== undefined ? { maxConnections: f.maxConnections } : {}),
    },
    logs: { ...(f.jsonLogs ? { json: true } : {}), ...(f.logLevel ? { level: f.logLevel } : {}) },
  };
}
