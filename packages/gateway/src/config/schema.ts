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

/** `HOST:PORT` (IPv6 in brackets). */
export const listenSchema = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'must be HOST:PORT, e.g. 127.0.0.1:9944');

/** The gateway's configuration: the YAML/JSON file's shape, with defaults. Flags override it. */
export const configSchema = z
  .object({
    listen: listenSchema.default('127.0.0.1:9944').describe('where clients connect (WebSocket and HTTP)'),
    upstreams: z
      .array(z.union([wsUrl, z.object({ url: wsUrl, name: z.string().min(1).optional() }).strict()]))
      .min(1, 'at least one upstream (--upstream ws://HOST:PORT)')
      .describe('node endpoints'),
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
      .object({ json: z.boolean().default(false), level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
      .strict()
      .default({}),
  })
  .strict();

export type GatewayConfigInput = z.input<typeof configSchema>;
export type GatewayConfig = z.output<typeof configSchema>;
