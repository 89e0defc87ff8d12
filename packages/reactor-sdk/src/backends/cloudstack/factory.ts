import type { BackendFactory } from '../factory.ts';
import { CloudStackConfigError, cloudstackConfigSchema, loadCredentials, type CloudStackConfig } from './config.ts';

/**
 * `--backend cloudstack`: the `backend` section of `--config` is a {@link CloudStackConfig};
 * keys from CLOUDSTACK_API_KEY / CLOUDSTACK_SECRET_KEY or the files it names. Names (zone,
 * template, offerings, network) are resolved at start-up: a typo stops the reactor naming the
 * field; an unreachable cloud only delays resolution to the first deployment. The backend is
 * loaded only when a reactor is configured with it (importing the SDK's root does not load it).
 */
export const cloudstackBackendFactory: BackendFactory<CloudStackConfig> = {
  description: 'Apache CloudStack VMs booted with cloud-init (keys from CLOUDSTACK_API_KEY / CLOUDSTACK_SECRET_KEY or files)',
  configSchema: cloudstackConfigSchema,
  remote: true,
  async create(config, ctx) {
    const { CloudStackBackend } = await import('./cloudstack-backend.ts');
    const backend = new CloudStackBackend({
      config, provider: ctx.provider, credentials: loadCredentials(config), catalog: ctx.catalog, marketplace: ctx.marketplace,
      ...(ctx.cloudInit ? { cloudInit: ctx.cloudInit } : {}),
    });
    try {
      await backend.targets();
    } catch (e) {
      if (e instanceof CloudStackConfigError) throw e;
      ctx.log.warn({ err: (e as Error).message }, 'cloudstack: cannot resolve zone/template/offerings now; will retry at the first deployment');
    }
    return backend;
  },
};
