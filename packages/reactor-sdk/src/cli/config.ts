import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { hostPortSchema } from '@dinfra/service';
import { z } from 'zod';
import { launchSettingsSchema } from '../launch/cloud-init-options.ts';
import { DEFAULTS as D } from '../reconcile/options.ts';

const hostPort = hostPortSchema('127.0.0.1:9500');

/** Tuning of the loop (config file `reactor:` section); its defaults are the loop's own (`DEFAULTS`). */
export const tuningSchema = z.object({
  resyncMs: z.number().int().min(100).max(60_000).default(D.resyncMs).describe('Complete listing + pass at least this often (<= 60 s)'),
  longPollS: z.number().int().min(1).max(60).default(D.longPollS),
  orphanSweepMs: z.number().int().min(100).max(600_000).default(D.orphanSweepMs).describe('Orphan sweep at least this often (<= 10 min)'),
  probeIntervalMs: z.number().int().min(100).max(60_000).default(D.probeIntervalMs).describe('Health probes (10-15 s in production)'),
  concurrency: z.number().int().min(1).max(256).default(D.concurrency),
  createAttempts: z.number().int().min(1).max(100).default(D.createRetry.attempts),
  retryBaseMs: z.number().int().min(1).default(D.createRetry.baseMs),
  retryMaxMs: z.number().int().min(1).default(D.createRetry.maxMs),
  restartAfter: z.number().int().min(1).default(D.health.restartAfter).describe('Failed probes in a row before a restart'),
  degradedAfter: z.number().int().min(1).default(D.health.degradedAfter).describe('Failed probes in a row before `degraded`'),
  stallMs: z.number().int().min(1000).default(D.health.stallMs),
  startupGraceMs: z.number().int().min(0).default(D.startupGraceMs),
  portProbeLimit: z.number().int().min(1).max(10_000).default(D.portProbeLimit).describe('Failed probes in a row before a cloud-init deployment whose declared ports never opened is reported failed'),
}).strict();

/** Every setting of dinfra-reactor: flags override the config file; checked once at start. */
export const reactorConfigSchema = z.object({
  ogate: z.string().url().describe('OGate base URL, e.g. http://127.0.0.1:8420'),
  token: z.string().min(1, 'required (--token, DINFRA_REACTOR_TOKEN or the config file)').describe('Reactor JWT from `dinfra-ogate token create`'),
  backend: z.string().min(1).default('local').describe('Backend the deployments run on'),
  dataDir: z.string().min(1).describe('State directory: SQLite store, local deployments and their logs'),
  listen: hostPort.default('127.0.0.1:9500').describe('HTTP for /healthz, /readyz, /metrics (IPv6: [::1]:9500; port 0 = any)'),
  chains: z.string().min(1).optional().describe('Chain catalog (YAML/JSON): chain name → binary, chain spec, bootnodes, default args'),
  graceS: z.number().min(0).max(30 * 86400).default(D.graceMs / 1000).describe('Seconds between OGate saying absent and the destroy (0 for dev)'),
  publicHost: z.string().min(1).optional().describe('Host put in reported endpoints (default 127.0.0.1)'),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info').describe('pino log level'),
  reactor: tuningSchema.default({}),
  launch: launchSettingsSchema.default({}).describe('How cloud backends (aws, cloudstack) launch machines: launch.cloudInit'),
  backends: z.record(z.unknown()).default({}).describe('Per-backend settings, e.g. backends.local.listenHost'),
}).strict();

export type ReactorConfig = z.infer<typeof reactorConfigSchema>;

export class ReactorConfigError extends Error {
  static readonly errorName = 'ReactorConfigError';
  override readonly name = 'ReactorConfigError';
  readonly code = 'REACTOR_CONFIG_INVALID';
}

const FLAG: Record<string, string> = { ogate: '--ogate', token: '--token', backend: '--backend', dataDir: '--data-dir', listen: '--listen', chains: '--chains', graceS: '--grace', publicHost: '--public-host', logLevel: '--log-level' };

export function readConfigFile(file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReactorConfigError(`--config ${file}: ${(e as Error).message}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new ReactorConfigError(`--config ${file}: expected a mapping of settings`);
  return doc as Record<string, unknown>;
}

/** Merges file < env < flags and validates, naming the flag or field at fault. */
export function compileConfig(flags: Record<string, unknown>, file: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = process.env): ReactorConfig {
  const merged: Record<string, unknown> = { ...file };
  if (env.DINFRA_REACTOR_TOKEN && merged.token === undefined) merged.token = env.DINFRA_REACTOR_TOKEN;
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) merged[k] = v;
  const r = reactorConfigSchema.safeParse(merged);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const field = i.path.join('.');
    const name = FLAG[String(i.path[0])] && i.path.length === 1 ? `${FLAG[String(i.path[0])]} (${field})` : field || '(config)';
    throw new ReactorConfigError(`${name}: ${i.message}`);
  }
  return r.data;
}
