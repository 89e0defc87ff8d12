import type { BackendFactory } from '../factory.ts';
import { awsConfigSchema, type AwsConfig } from './config.ts';

/**
 * `--backend aws`: the `backend` section of `--config` is an {@link AwsConfig}. The backend
 * (and `@aws-sdk/client-ec2` with it) is loaded only when a reactor is configured with it:
 * importing the SDK's root never loads the AWS SDK.
 */
export const awsBackendFactory: BackendFactory<AwsConfig> = {
  description: 'AWS EC2 instances booted with cloud-init (credentials from the AWS SDK default chain)',
  configSchema: awsConfigSchema,
  remote: true,
  async create(config, ctx) {
    const { AwsBackend } = await import('./aws-backend.ts');
    return new AwsBackend({
      config,
      provider: ctx.provider,
      catalog: ctx.catalog,
      marketplace: ctx.marketplace,
      ...(ctx.cloudInit ? { cloudInit: ctx.cloudInit } : {}),
    });
  },
};
