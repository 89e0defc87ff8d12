/**
 * The one schema of OGate's configuration: file, env (`DINFRA_OGATE_*`) and flags all land
 * here. Descriptions double as `--help` text and docs.
 */
import { hostPortSchema } from '@dinfra/service';
import { z } from 'zod';

const hostPort = hostPortSchema('127.0.0.1:8420');

const wsUrl = z.string().regex(/^wss?:\/\/\S+$/, 'expected a ws:// or wss:// URL');
const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'expected an http:// or https:// URL');
const ss58 = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{40,50}$/, 'expected an SS58 address');

export const configFields = z
  .object({
    url: wsUrl.describe('WebSocket RPC URL of a DINFRA node'),
    suri: z.string().min(1).optional().describe('Secret URI of the operator key (e.g. //Alice or a mnemonic)'),
    keystore: z.string().min(1).optional().describe('polkadot-js keystore JSON file of the operator key (password in DINFRA_PASSWORD)'),
    password: z.string().optional().describe('Keystore password (env DINFRA_PASSWORD)'),
    oldSuris: z.array(z.string().min(1)).default([]).describe('Earlier operator keys, to open secrets sealed before set_operator'),
    dataDir: z.string().min(1).describe('Directory for the SQLite state and the token secret'),
    listen: hostPort.default('127.0.0.1:8420').describe('HOST:PORT of the reactor API (IPv6: [::1]:8420; port 0: any free port)'),
    ipfsApi: httpUrl.optional().describe('Kubo RPC API URL (e.g. http://127.0.0.1:5001)'),
    ipfsRepo: z.string().min(1).optional().describe('Embedded content store directory (when no Kubo is configured)'),
    provider: ss58.optional().describe('Provider account (default: the provider whose operator is the key)'),
    retentionSeconds: z.number().int().min(0).default(7 * 24 * 3600).describe('How long absent deployments stay visible'),
    descriptorTimeoutMs: z.number().int().min(1).default(10_000).describe('Timeout of one descriptor fetch'),
    descriptorAttempts: z.number().int().min(1).max(20).default(3).describe('Descriptor fetch attempts before giving up'),
    descriptorMaxBytes: z.number().int().min(1).default(1024 * 1024).describe('Largest descriptor accepted, in bytes'),
    batchWindowMs: z.number().int().min(0).max(10_000).default(200).describe('How long the outbox waits to coalesce reports'),
    batchMaxCalls: z.number().int().min(1).max(100).default(100).describe('Most calls in one force_batch'),
    mortalPeriod: z.number().int().min(4).max(65_536).default(64).describe('Mortal era of outbox extrinsics, in blocks'),
    longPollMaxSeconds: z.number().int().min(0).max(60).default(60).describe('Longest long-poll OGate holds (a larger `wait` is cut to it)'),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level'),
  })
  .strict();

export const configSchema = configFields
  .refine((c) => Boolean(c.suri) !== Boolean(c.keystore), { message: 'give exactly one of suri or keystore', path: ['suri'] })
  .refine((c) => !(c.ipfsApi && c.ipfsRepo), { message: 'give at most one of ipfsApi or ipfsRepo', path: ['ipfsApi'] })
  .refine((c) => !c.keystore || c.password !== undefined, { message: 'a keystore needs DINFRA_PASSWORD', path: ['password'] });

export type OGateConfig = z.infer<typeof configSchema>;
export type OGateConfigInput = z.input<typeof configSchema>;

/** Fields that take numbers (env values and flags arrive as strings). */
export const NUMERIC_FIELDS = ['retentionSeconds', 'descriptorTimeoutMs', 'descriptorAttempts', 'descriptorMaxBytes', 'batchWindowMs', 'batchMaxCalls', 'mortalPeriod', 'longPollMaxSeconds'] as const;
