/**
 * `--backend cloudstack` configuration (zod), and its credentials: the API key from the config,
 * `CLOUDSTACK_API_KEY` or a file; the secret key only from `CLOUDSTACK_SECRET_KEY` or a file
 * (never in the config file itself, never logged).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ref = z.string().min(1).max(255);

export const cloudstackConfigSchema = z
  .object({
    endpoint: z.string().url().describe('API URL, e.g. https://cloud.example.com/client/api'),
    apiKey: z.string().min(1).optional().describe('API key; default: env CLOUDSTACK_API_KEY'),
    apiKeyFile: z.string().min(1).optional().describe('File holding the API key'),
    secretKeyFile: z.string().min(1).optional().describe('File holding the secret key; default: env CLOUDSTACK_SECRET_KEY'),
    secretKey: z
      .never({ errorMap: () => ({ message: 'the secret key is not read from the config file; set CLOUDSTACK_SECRET_KEY or secretKeyFile' }) })
      .optional(),
    zone: ref.describe('Zone id or name'),
    template: ref.describe('Template id or name (a cloud-init enabled image) used when `templates` has no entry'),
    templates: z.record(ref).default({}).describe('Template per chain (substrate-node) or image name (cloud-init `image`)'),
    serviceOfferings: z
      .record(ref)
      .refine((m) => Object.keys(m).length > 0, 'at least one size')
      .describe('Service offering (id or name) per size: descriptor `size`, else the node role, else defaultSize'),
    defaultSize: z.string().min(1).default('medium'),
    network: ref.optional().describe('Network id or name the VMs join; default: the account\'s default'),
    securityGroupIds: z.array(z.string().uuid('a security group id (uuid)')).default([]),
    keyPair: ref.optional().describe('SSH key pair name'),
    address: z.enum(['public-ip', 'private-ip']).default('public-ip').describe('Which address endpoints use; no public IP falls back to the NIC address'),
    endpointHost: z.string().min(1).optional().describe('Fixed host for endpoints (a DNS name or load balancer in front of the VMs)'),
    rpcPort: z.number().int().min(1).max(65535).default(9944),
    expunge: z.boolean().default(true).describe('Destroy with expunge=true (falls back to a plain destroy when the account may not expunge: a destroy job failing with 530 "Account does not have permission for expunging", or 531)'),
    destroyAttempts: z.number().int().min(1).max(100).default(5).describe('Failed destroys of one deployment before giving up (Failed{reason}, metric); the count starts again afterwards'),
    userDataMaxLength: z
      .number().int().min(1).max(1_048_576).default(32_768)
      .describe("The cloud's global setting vm.userdata.max.length: the longest base64 user data it takes (32,768 by default; raise both together, up to 1,048,576)"),
    jobTimeoutSeconds: z.number().int().min(1).max(7200).default(900).describe('Longest wait for one async job'),
    pollMinDelayMs: z.number().int().min(10).max(60_000).default(1000).describe('First delay between queryAsyncJobResult polls (doubles up to pollMaxDelayMs)'),
    pollMaxDelayMs: z.number().int().min(10).max(120_000).default(10_000),
    expiresSeconds: z.number().int().min(10).max(3600).default(300).describe('How far ahead request signatures expire'),
    requestTimeoutSeconds: z.number().int().min(1).max(600).default(30),
  })
  .strict();

export type CloudStackConfig = z.infer<typeof cloudstackConfigSchema>;
export type CloudStackConfigInput = z.input<typeof cloudstackConfigSchema>;

export class CloudStackConfigError extends Error {
  static readonly errorName = 'CloudStackConfigError';
  override readonly name = 'CloudStackConfigError';
  readonly code = 'CLOUDSTACK_CONFIG_INVALID';
}

/** Parses the config, naming the first bad field (`cloudstack.zone: Required`). */
export function parseCloudStackConfig(input: unknown): CloudStackConfig {
  const r = cloudstackConfigSchema.safeParse(input);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new CloudStackConfigError(`cloudstack.${i.path.join('.') || '(root)'}: ${i.message}`);
}

export interface CloudStackCredentials {
  readonly apiKey: string;
  readonly secretKey: string;
}

function readKeyFile(path: string, field: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CloudStackConfigError(`cloudstack.${field}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const v = text.trim();
  if (!v) throw new CloudStackConfigError(`cloudstack.${field}: ${path} is empty`);
  return v;
}

/** Finds the keys: files named in the config win over the environment. */
export function loadCredentials(config: CloudStackConfig, env: NodeJS.ProcessEnv = process.env): CloudStackCredentials {
  const apiKey = config.apiKeyFile ? readKeyFile(config.apiKeyFile, 'apiKeyFile') : (config.apiKey ?? env.CLOUDSTACK_API_KEY);
  if (!apiKey) throw new CloudStackConfigError('cloudstack.apiKey: no API key (set cloudstack.apiKey, cloudstack.apiKeyFile or CLOUDSTACK_API_KEY)');
  const secretKey = config.secretKeyFile ? readKeyFile(config.secretKeyFile, 'secretKeyFile') : env.CLOUDSTACK_SECRET_KEY;
  if (!secretKey) throw new CloudStackConfigError('cloudstack.secretKeyFile: no secret key (set CLOUDSTACK_SECRET_KEY or cloudstack.secretKeyFile)');
  return { apiKey, secretKey };
}
