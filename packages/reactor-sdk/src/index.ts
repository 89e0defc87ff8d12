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
  loadCatalog, NODE_ROLES, parseCatalog, planNode, renderArgs, renderCloudInit, renderUnit, SecretNameError, SECRETS_PATH, shellQuote, snapshotMarker,
  substrateNodeDescriptor, systemdQuote, toCommand, userDataFor, withSecrets,
} from './launch/index.ts';
export type { ChainCatalog, ChainEntry, CloudInitOptions, Command, LaunchPlan, MarketplaceChain, NodePlanInput, NodeRole, UnitOptions } from './launch/index.ts';
export { operationContext, memoryCheckpoint } from './context.ts';
export type { ContextInit } from './context.ts';
export { createLogger, silentLogger } from './logging.ts';
export type { LoggerOptions } from './logging.ts';
export { ReactorStore } from './store/index.ts';
export type { PendingCreate, Reported, ReportedState } from './store/index.ts';
export { Reactor } from './reconcile/reactor.ts';
export type { Tracked } from './reconcile/reactor.ts';
export { compileReactorOptions, DEFAULTS as REACTOR_DEFAULTS } from './reconcile/options.ts';
export type { CompiledReactorOptions, ReactorOptions } from './reconcile/options.ts';
export { ReactorMetrics } from './reconcile/metrics.ts';
export { diff } from './reconcile/diff.ts';
export type { Action, DiffInput } from './reconcile/diff.ts';
export { CreateFailedError, OGateError, StaleGenerationError } from './reconcile/errors.ts';
export { backoffMs, withRetries } from './reconcile/retry.ts';
export type { RetryPolicy } from './reconcile/retry.ts';
export { truncateReason } from '@dinfra/runtime-specs';
export { httpUrlOf, probeSubstrate } from './health/probe.ts';
export type { ProbeOptions, ProbeResult } from './health/probe.ts';
export { HealthTracker } from './health/tracker.ts';
export type { HealthPolicy, Verdict } from './health/tracker.ts';
export { backendNames, backendRegistry, BackendConfigError, defineBackend } from './backends/registry.ts';
export type { BackendFactory, BackendFactoryContext, RegisteredBackend } from './backends/registry.ts';
export { LocalBackend } from './backends/local/local-backend.ts';
export type { LocalBackendOptions } from './backends/local/local-backend.ts';
export { localBackendFactory, localConfigSchema } from './backends/local/factory.ts';
export type { LocalConfig } from './backends/local/factory.ts';
export { compileConfig, reactorConfigSchema, ReactorConfigError, tuningSchema } from './cli/config.ts';
export type { ReactorConfig } from './cli/config.ts';
export { runReactor } from './cli/run.ts';
export type { RunningReactor } from './cli/run.ts';
export { ClusterScaler, ScalingPolicy, poolCounters, rateBetween } from './scaling/index.ts';
export type { ClusterScalerOptions, ScalingTarget, PoolSample, ScalingAction, ScalingDecision, ScalingRules, PoolCounters } from './scaling/index.ts';
