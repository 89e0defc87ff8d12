/** The backends `--backend NAME` can pick. */
import { awsBackendFactory } from './aws/factory.ts';
import { cloudstackBackendFactory } from './cloudstack/factory.ts';
import { defineBackend, type RegisteredBackend } from './factory.ts';
import { localBackendFactory } from './local/factory.ts';

export { BackendConfigError, defineBackend } from './factory.ts';
export type { BackendFactory, BackendFactoryContext, RegisteredBackend } from './factory.ts';

/** name → factory. A backend adds one line here. */
export const backendRegistry: Record<string, RegisteredBackend> = {
  local: defineBackend(localBackendFactory),
  aws: defineBackend(awsBackendFactory),
  cloudstack: defineBackend(cloudstackBackendFactory),
};

export const backendNames = (): string[] => Object.keys(backendRegistry);
