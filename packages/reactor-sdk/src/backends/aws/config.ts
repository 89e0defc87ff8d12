import { z } from 'zod';

/** An AMI id (`ami-0123abcd`) or an SSM parameter that holds one (`ssm:/aws/service/...`). */
const imageRef = z
  .string()
  .regex(/^(ami-[0-9a-f]{8,17}|ssm:\/[\w.\-/]+)$/, 'an AMI id (ami-...) or ssm:/<parameter name>')
  .describe('AMI id, or ssm:/<parameter> resolved with SSM GetParameter at launch');

/**
 * `--backend aws` configuration. Credentials are NOT configured here: the AWS SDK's default
 * chain finds them (env, shared config/SSO profile, web identity, ECS/EC2 instance role).
 */
export const awsConfigSchema = z
  .object({
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region such as eu-central-1').describe('AWS region'),
    endpoint: z.string().url().regex(/^https?:\/\//, 'an http(s) URL').optional().describe('EC2/SSM endpoint override (e.g. a moto server); default: the region endpoint'),
    images: z
      .record(imageRef)
      .refine((m) => Object.keys(m).length > 0, 'at least one image')
      .describe('Image per chain (substrate-node) or per image name (cloud-init `image`); key `default` is the fallback'),
    instanceTypes: z
      .record(z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'an instance type such as m6i.large'))
      .refine((m) => Object.keys(m).length > 0, 'at least one size')
      .describe('Instance type per size (descriptor `size`, e.g. small/medium/large)'),
    defaultSize: z.string().min(1).default('medium').describe('Size used when the descriptor names none'),
    subnetId: z.string().regex(/^subnet-[0-9a-f]+$/, 'a subnet id (subnet-...)').optional(),
    securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]+$/, 'a security group id (sg-...)')).default([]),
    keyName: z.string().min(1).optional().describe('EC2 key pair for SSH; none by default'),
    rootVolumeGiB: z.number().int().min(8).max(16384).optional().describe('Root volume size; default: the AMI\'s'),
    rootDeviceName: z.string().regex(/^\/dev\/[a-z0-9]+$/).default('/dev/sda1').describe('Root device of the AMI (Ubuntu: /dev/sda1, Amazon Linux: /dev/xvda), for rootVolumeGiB'),
    address: z
      .enum(['public-ip', 'private-ip', 'public-dns', 'private-dns'])
      .default('public-ip')
      .describe('Which address endpoints use; a missing public address falls back to the private IP'),
    endpointHost: z.string().min(1).optional().describe('Fixed host for endpoints (e.g. a DNS name in front of the instances)'),
    rpcPort: z.number().int().min(1).max(65535).default(9944).describe('Node RPC port on the instance'),
    cloudInit: z
      .never({ errorMap: () => ({ message: 'moved to the reactor config\'s launch.cloudInit (one setting for every cloud backend)' }) })
      .optional(),
    listPageSize: z.number().int().min(5).max(1000).default(1000).describe('Instances per DescribeInstances page when listing'),
    maxAttempts: z.number().int().min(1).max(20).default(5).describe('SDK attempts per API call (throttling, 5xx)'),
    retryMode: z.enum(['standard', 'adaptive']).default('adaptive'),
    waitTimeoutSeconds: z.number().int().min(1).max(3600).default(600).describe('Longest wait for running / terminated'),
    waitMinDelaySeconds: z.number().int().min(1).max(120).default(5).describe('First poll interval of the waiters'),
  })
  .strict();

export type AwsConfig = z.infer<typeof awsConfigSchema>;
export type AwsConfigInput = z.input<typeof awsConfigSchema>;

/** Parses the config, naming the first bad field (`aws.images.polkadot: ...`). */
export function parseAwsConfig(input: unknown): AwsConfig {
  const r = awsConfigSchema.safeParse(input);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new AwsConfigError(`aws.${i.path.join('.') || '(root)'}: ${i.message}`);
}

export class AwsConfigError extends Error {
  static readonly errorName = 'AwsConfigError';
  override readonly name = 'AwsConfigError';
  readonly code = 'AWS_CONFIG_INVALID';
}
