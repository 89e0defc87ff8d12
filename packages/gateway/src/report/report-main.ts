import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, CommanderError, Option } from 'commander';
import { readConfigFile } from '../config/load-config.ts';
import { ConfigError } from '../errors.ts';
import { parseAccessLine, parseSince, UsageStats, type MethodStats } from './usage-stats.ts';

const collect = (v: string, prev: string[] = []) => [...prev, v];

function program(): Command {
  return new Command('dinfra-gateway report')
    .description("Usage statistics from the gateway's own access logs: per chain and method, count, error rate, p50/p95/p99, bytes in/out, top callers by API key; the slowest methods first.")
    .option('--since <when>', 'from this long ago (24h, 90m, 7d) or this date (ISO)', '24h')
    .addOption(new Option('--access-log <file>', 'an access log (JSON lines; the gateway\'s stdout with --json-logs, or logs.access.file); repeat, or - for stdin').argParser(collect))
    .option('--config <file>', "the gateway's config file: its logs.access.file is read")
    .option('--top <n>', 'callers shown per method', '3')
    .option('--json', 'one JSON document instead of the table')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

async function readInto(stats: UsageStats, path: string, since: number): Promise<void> {
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    const l = parseAccessLine(line);
    if (l && l.time >= since) stats.add(l);
  }
}

const fmtBytes = (n: number) => (n >= 1 << 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : n >= 1 << 20 ? `${(n / 2 ** 20).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

export function formatTable(rows: MethodStats[]): string {
  const out: string[] = [];
  for (const pool of [...new Set(rows.map((r) => r.pool))]) {
    out.push(`chain ${pool}`);
    out.push(`  ${'method'.padEnd(36)} ${'count'.padStart(9)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'in'.padStart(10)} ${'out'.padStart(10)}  top callers`);
    for (const r of rows.filter((x) => x.pool === pool)) {
      const callers = r.topCallers.map((c) => `${c.key} ${c.count}`).join(', ');
      out.push(`  ${r.method.padEnd(36)} ${String(r.count).padStart(9)} ${`${(r.errorRate * 100).toFixed(1)}%`.padStart(7)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p95Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${fmtBytes(r.bytesIn).padStart(10)} ${fmtBytes(r.bytesOut).padStart(10)}  ${callers}`);
    }
  }
  return out.join('\n');
}

/** `dinfra-gateway report`: exit 0 with the report, 2 on bad flags or an unreadable log. */
export async function reportMain(argv: string[]): Promise<number> {
  const p = program();
  try {
    p.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const o = p.opts<{ since: string; accessLog?: string[]; config?: string; top: string; json?: boolean }>();
  let since: number;
  const files = [...(o.accessLog ?? [])];
  try {
    since = parseSince(o.since);
    if (o.config) {
      const access = ((readConfigFile(o.config).logs as Record<string, unknown> | undefined)?.access as Record<string, unknown> | undefined)?.file;
      if (typeof access === 'string') files.push(access);
    }
    if (files.length === 0) throw new Error('no access log: give --access-log FILE (or - for stdin) or --config with logs.access.file');
    for (const f of files) if (f !== '-' && !existsSync(f)) throw new Error(`--access-log: ${f} does not exist`);
  } catch (e) {
    process.stderr.write(`dinfra-gateway report: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
    return 2;
  }
  const stats = new UsageStats();
  for (const f of files) await readInto(stats, f, since);
  const rows = stats.result(Math.max(1, Number(o.top) || 3));
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ since: new Date(since).toISOString(), lines: stats.lines, first: stats.first && new Date(stats.first).toISOString(), last: stats.last && new Date(stats.last).toISOString(), methods: rows }, null, 2)}\n`);
  } else {
    process.stdout.write(`${stats.lines} calls logged since ${new Date(since).toISOString()} (slowest p95 first per chain)\n${rows.length ? formatTable(rows) : '(no calls)'}\n`);
  }
  return 0;
}
