/**
 * @dinfra/reactor-sdk: write DINFRA chain reactors.
 *
 * A reactor reads a provider's desired state from OGate (through the generated client),
 * makes a backend match it, probes what runs and reports back. A backend implements the
 * small {@link Backend} port; the SDK runs the level-triggered reconcile loop, crash safety
 * (pending-create records), health probes and status reports.
 *
 * @example
 * ```ts
 * import type { Backend } from '@dinfra/reactor-sdk';
 * const backend: Backend = { name: 'mine', types: ['substrate-node'], create, destroy, list, inspect };
 * ```
 * @module
 */
export { PermanentBackendError } from './backend.ts';
export type { Backend, Checkpoint, DeploymentSpec, Logger, OperationContext, Resource, ResourceKey, ResourceState } from './backend.ts';
export { keyFromTags, providerTag, resourceName, resourceTags, sameKey, TAG } from './naming.ts';
export {
  builtinCatalog, chainEntrySchema, chainSpecPath, ChainCatalogError, commandLine, DEFAULT_ROLE_ARGS, DINFRA_NODE_BIN, LaunchPlanError,
  loadCatalog, NODE_ROLES, parseCatalog, planNode, renderArgs, renderCloudInit, renderUnit, shellQuote, snapshotMarker,
  substrateNodeDescriptor, systemdQuote, toCommand, userDataFor,
} from './launch/index.ts';
export type { ChainCatalog, ChainEntry, CloudInitOptions, Command, LaunchPlan, MarketplaceChain, NodePlanInput, NodeRole, UnitOptions } from './launch/index.ts';
export { AWS_TAG, AWS_TYPES, AwsBackend, AwsConfigError, awsConfigSchema, AwsPermanentError, AwsRetryableError, clientToken, countApiCalls, makeClients, parseAwsConfig } from './backends/aws/index.ts';
export type { ApiCallCounter, AwsBackendOptions, AwsClients, AwsConfig, AwsConfigInput } from './backends/aws/index.ts';
export {
  CLOUDSTACK_TYPES, CloudStackBackend, CloudStackClient, CloudStackConfigError, cloudstackConfigSchema, CloudStackError, loadCredentials, parseCloudStackConfig, signParams,
} from './backends/cloudstack/index.ts';
export type { CloudStackBackendOptions, CloudStackConfig, CloudStackConfigInput, CloudStackCredentials } from './backends/cloudstack/index.ts';
