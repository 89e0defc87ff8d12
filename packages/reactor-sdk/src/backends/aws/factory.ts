import type { BackendFactory } from '../factory.ts';
import { AwsBackend } from './aws-backend.ts';
import { awsConfigSchema, type AwsConfig } from './config.ts';

/** `--backend aws`: the `backend` section of `--config` is an {@link AwsConfig}. */
export const awsBackendFactory: BackendFactory<AwsConfig> = {
  description: 'AWS EC2 instances booted with cloud-init (credentials from the AWS SDK default chain)',
  configSchema: awsConfigSchema,
  remote: true,
  create: (config, ctx) =>
    new AwsBackend({
      config,
      provider: ctx.provider,
      catalog: ctx.catalog,
      marketplace: ctx.marketplace,
      ...(ctx.cloudInit ? { cloudInit: ctx.cloudInit } : {}),
    }),
};
