import { z } from 'zod';

const wsUrl = z
  .string()
  .url()
  .refine((u) => /^wss?:\/\//.test(u), 'must be a ws:// or wss:// URL');
const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http:// or https:// URL');
const hash = z.string().regex(/^0x[0-9a-f]{64}$/, 'must be a 0x-prefixed 32-byte hex hash');
const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be letters, digits, . _ : - (at most 128)');

/** `HOST:PORT` (IPv6 in brackets). */
export const listenSchema = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'must be HOST:PORT, e.g. 127.0.0.1:9720');

/** One watched endpoint from the config file or `--target NAME=URL`. */
export const targetSchema = z
  .object({
    name: name.describe('unique name, shown on the page'),
    url: wsUrl.describe('JSON-RPC WebSocket endpoint'),
    provider: z.string().min(1).default('config').describe('provider it belongs to (grouping, uptime per provider)'),
    kind: z.enum(['node', 'rpc-endpoint']).default('node').describe('rpc-endpoint: also read the gateway\'s /health per upstream'),
    healthUrl: httpUrl.optional().describe('gateway /health URL (rpc-endpoint; default: the endpoint\'s own host and port)'),
    genesisHash: hash.optional().describe('the chain this endpoint must serve (default: the references\' genesis)'),
    blockTimeMs: z.number().int().min(10).optional().describe('expected block time (default: checks.blockTimeMs)'),
    subscription: z.string().optional().describe('on-chain subscription id, when it is a marketplace deployment'),
  })
  .strict();

export const checksSchema = z
  .object({
    intervalMs: z.number().int().min(50).default(10_000).describe('one round of checks on every target this often'),
    timeoutMs: z.number().int().min(20).default(5_000).describe('a call (or the connection) slower than this fails'),
    slowMs: z.number().int().min(1).default(2_000).describe('a probe call slower than this is "slow" (degraded)'),
    blockTimeMs: z.number().int().min(10).default(6_000).describe('expected block time where a target names none'),
    stallBlocks: z.number().min(1).default(3).describe('the same head for longer than this many block times fails "head not advancing"'),
    newHeadsBlocks: z.number().min(1).default(2).describe('the new-heads subscription must deliver within this many block times'),
    maxHeadLag: z.number().int().min(0).default(5).describe('blocks behind the network before "head lag" fails'),
    maxFinalityLag: z.number().int().min(0).default(20).describe('best minus finalized before "finality lag" fails'),
    minPeers: z.number().int().min(0).default(0).describe('fewer peers than this fails system_health'),
    failuresToOpen: z.number().int().min(1).default(2).describe('rounds failing in a row before an incident opens'),
    successesToClose: z.number().int().min(1).default(2).describe('rounds passing in a row before it closes'),
  })
  .strict();

/** The monitor's configuration: the YAML/JSON file's shape, with defaults. Flags override it. */
export const configSchema = z
  .object({
    listen: listenSchema.default('127.0.0.1:9720').describe('status page, JSON API, /metrics'),
    dataDir: z.string().min(1, 'required (--data-dir DIR)').describe('SQLite history lives here'),
    location: name.default('local').describe('name of this probe location'),
    targets: z.array(targetSchema).default([]).describe('endpoints to watch'),
    references: z.array(wsUrl).default([]).describe('endpoints of the network: head lag is measured against them'),
    ogate: z
      .object({
        url: httpUrl.describe('OGate base URL'),
        token: z.string().min(1).describe('a read-only (monitor scope) OGate token'),
        provider: z.string().min(1).default('ogate').describe('provider name shown for its deployments'),
        pollMs: z.number().int().min(100).default(30_000),
      })
      .strict()
      .optional()
      .describe('watch every running deployment of a provider'),
    checks: checksSchema.default({}),
    quorum: z.number().int().min(1).default(2).describe('locations that must agree before an incident opens (at most as many as report)'),
    recorder: z
      .object({ url: httpUrl.describe('the recording monitor'), secret: z.string().min(16, 'at least 16 characters').describe('this location\'s HMAC secret') })
      .strict()
      .optional()
      .describe('push results to this recorder instead of judging incidents here'),
    locations: z
      .object({ secrets: z.record(name, z.string().min(16, 'at least 16 characters')).default({}).describe('location name -> HMAC secret of the locations that push here') })
      .strict()
      .default({}),
    history: z
      .object({
        rawDays: z.number().min(0.001).default(7).describe('raw results kept this long, then folded into hourly rows'),
        keepDays: z.number().min(1).default(90).describe('hourly rows kept this long'),
      })
      .strict()
      .default({}),
    webhooks: z
      .array(
        z
          .object({
            url: httpUrl,
            secret: z.string().min(16, 'at least 16 characters').describe('HMAC-SHA256 key; the receiver checks x-dinfra-signature'),
            events: z.array(z.enum(['incident.opened', 'incident.updated', 'incident.closed'])).default(['incident.opened', 'incident.updated', 'incident.closed']),
          })
          .strict(),
      )
      .default([])
      .describe('where incident changes are POSTed'),
    webhookRetry: z
      .object({ initialMs: z.number().int().min(10).default(1000), maxMs: z.number().int().min(10).default(300_000), timeoutMs: z.number().int().min(100).default(10_000) })
      .strict()
      .default({}),
    api: z
      .object({ operatorToken: z.string().min(16, 'at least 16 characters').optional().describe('bearer token for notes and other writes') })
      .strict()
      .default({}),
    logs: z
      .object({ json: z.boolean().default(false), level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.targets.forEach((t, i) => {
      if (seen.has(t.name)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['targets', i, 'name'], message: `duplicate target name "${t.name}"` });
      seen.add(t.name);
    });
    if (c.targets.length === 0 && !c.ogate) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['targets'], message: 'nothing to watch: give --target NAME=ws://HOST:PORT or --ogate URL --token T' });
  });

export type MonitorConfigInput = z.input<typeof configSchema>;
export type MonitorConfig = z.output<typeof configSchema>;
export type TargetConfig = z.output<typeof targetSchema>;
export type ChecksConfig = z.output<typeof checksSchema>;
