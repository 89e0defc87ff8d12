import { hostPortSchema } from '@dinfra/service';
import { z } from 'zod';
import { DEFAULT_ALLOWED_METHODS } from '../methods/allow-list.ts';

const wsUrl = z
  .string()
  .url()
  .refine((u) => /^wss?:\/\//.test(u), 'must be a ws:// or wss:// URL');

const rateLimit = z
  .object({
    requestsPerSecond: z.number().positive().describe('refill rate'),
    burst: z.number().int().positive().describe('bucket size'),
  })
  .strict();

const upstreamEntry = z.union([wsUrl, z.object({ url: wsUrl, name: z.string().min(1).optional() }).strict()]);

/** `a.example.com` or `*.example.com` (any name ending in `.example.com`). */
const hostPattern = z
  .string()
  .regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, 'must be a host name (a.example.com) or a wildcard suffix (*.example.com)')
  .transform((h) => h.toLowerCase());

/** One chain's pool: the names and path prefixes it answers on, and its upstreams. */
export const poolSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, - and _ (e.g. polkadot)'),
    hosts: z.array(hostPattern).default([]).describe('Host header values that select this pool (exact, or *.suffix)'),
    paths: z.array(z.string().regex(/^\/[A-Za-z0-9._~\/-]*[A-Za-z0-9._~-]$/, 'must be a path prefix such as /polkadot')).default([]).describe('path prefixes that select this pool'),
    upstreams: z.array(upstreamEntry).default([]).describe('node endpoints of this chain'),
    chain: z.string().optional().describe('expected system_chain (default: the majority of this pool)'),
    genesisHash: z.string().regex(/^0x[0-9a-f]{64}$/).optional().describe('expected genesis hash (default: the majority of this pool)'),
  })
  .strict();

/** `HOST:PORT` (IPv6 in brackets). */
export const listenSchema = hostPortSchema('127.0.0.1:9944');

/** The gateway's configuration: the YAML/JSON file's shape, with defaults. Flags override it. */
export const configSchema = z
  .object({
    listen: listenSchema.default('127.0.0.1:9944').describe('where clients connect (WebSocket and HTTP)'),
    upstreams: z.array(upstreamEntry).default([]).describe('node endpoints of the default pool (any host, any path)'),
    pools: z.array(poolSchema).default([]).describe('one pool per chain, selected by Host header or path prefix'),
    admin: z
      .object({
        listen: listenSchema.optional().describe('where the admin API listens (add/remove upstreams); off when absent'),
        token: z.string().min(16, 'admin tokens have at least 16 characters').optional().describe('bearer token the admin API requires'),
      })
      .strict()
      .default({}),
    archive: z.boolean().default(false).describe('the cluster serves old state: probe it'),
    health: z
      .object({
        intervalMs: z.number().int().min(50).default(2000),
        timeoutMs: z.number().int().min(50).default(2000),
        maxBestLag: z.number().int().min(0).default(5),
        maxFinalityLag: z.number().int().min(1).default(20),
        minPeers: z.number().int().min(0).default(0),
        chain: z.string().optional().describe('expected system_chain (default: the majority)'),
        genesisHash: z.string().regex(/^0x[0-9a-f]{64}$/).optional().describe('expected genesis (default: the majority)'),
      })
      .strict()
      .default({}),
    routing: z
      .object({
        requestTimeoutMs: z.number().int().min(100).default(30_000),
        ewmaAlpha: z.number().gt(0).max(1).default(0.2),
        reconnectInitialMs: z.number().int().min(10).default(100),
        reconnectMaxMs: z.number().int().min(10).default(5000),
        hedge: z
          .object({
            enabled: z.boolean().default(true),
            quantile: z.number().gt(0).lt(1).default(0.9).describe('a read unanswered after this quantile of the pool\'s latency is sent once more'),
            floorMs: z.number().min(1).default(50).describe('never hedge earlier than this'),
            budget: z.number().min(0).max(1).default(0.1).describe('hedges sent stay under this fraction of reads'),
          })
          .strict()
          .default({}),
        rebalance: z
          .object({
            intervalMs: z.number().int().min(50).default(1000).describe('how often WebSocket sessions are checked for balance'),
            maxMovesPerInterval: z.number().int().min(0).default(8).describe('sessions moved per check at most (0: never move)'),
            tolerance: z.number().min(0).max(1).default(0.1).describe('spread of sessions per upstream tolerated, as a fraction of the mean'),
          })
          .strict()
          .default({}),
      })
      .strict()
      .default({}),
    cache: z
      .object({ maxEntries: z.number().int().min(0).default(10_000), maxBytes: z.number().int().min(1).default(64 * 1024 * 1024) })
      .strict()
      .default({}),
    methods: z
      .object({
        allow: z.array(z.string().min(1)).default([...DEFAULT_ALLOWED_METHODS]).describe('the allow-list (replaces the default)'),
        extraAllow: z.array(z.string().min(1)).default([]).describe('added to the allow-list'),
        deny: z.array(z.string().min(1)).default([]).describe('removed from the allow-list'),
      })
      .strict()
      .default({}),
    limits: z
      .object({
        maxRequestBytes: z.number().int().min(1024).default(10 * 1024 * 1024),
        maxBatch: z.number().int().min(1).default(100),
        maxConnections: z.number().int().min(1).default(1000),
        maxConnectionsPerIp: z.number().int().min(1).default(200),
        maxSubscriptionsPerConnection: z.number().int().min(1).default(1024),
        rateLimit: z.object({ perIp: rateLimit.optional(), perKey: rateLimit.optional() }).strict().default({}),
        apiKeys: z.array(z.string().min(8, 'API keys have at least 8 characters')).default([]).describe('accepted keys (?apikey= or x-api-key)'),
      })
      .strict()
      .default({}),
    logs: z
      .object({
        json: z.boolean().default(false),
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
        access: z
          .object({
            enabled: z.boolean().default(true),
            file: z.string().min(1).optional().describe('append the access log (JSON lines) to this file instead of stdout'),
            sample: z.number().min(0).max(1).default(1).describe('fraction of successful calls logged (errors always are); lines carry it for the report'),
            flushMs: z.number().int().min(10).default(250).describe('the access log is written in batches this often'),
          })
          .strict()
          .default({}),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    const total = c.upstreams.length + c.pools.reduce((n, p) => n + p.upstreams.length, 0);
    if (total === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['upstreams'], message: 'at least one upstream (--upstream ws://HOST:PORT, or --pool NAME=HOST with --upstream NAME=ws://HOST:PORT)' });
    const names = new Set<string>();
    const hosts = new Map<string, string>();
    c.pools.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['pools', i, 'name'], message: `pool "${p.name}" is declared twice` });
      names.add(p.name);
      for (const h of [...p.hosts, ...p.paths]) {
        const other = hosts.get(h);
        if (other !== undefined && other !== p.name) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['pools', i, 'hosts'], message: `${h} already selects pool "${other}"` });
        hosts.set(h, p.name);
      }
    });
  });

export type GatewayConfigInput = z.input<typeof configSchema>;
export type GatewayConfig = z.output<typeof configSchema>;
