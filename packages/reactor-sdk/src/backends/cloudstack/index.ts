/**
 * `--backend cloudstack`: deployments as Apache CloudStack VMs booted with cloud-init user
 * data, through a typed client written here (signatureversion 3, POST bodies, async jobs,
 * typed errors, paging). The API emulator for tests is in `./emulator`.
 *
 * @example
 * ```ts
 * const backend = new CloudStackBackend({ config: parseCloudStackConfig(raw), provider, catalog: builtinCatalog() });
 * await backend.targets(); // resolves zone/template/offerings/network names, fails early
 * ```
 * @module
 */
export { CLOUDSTACK_TYPES, CloudStackBackend } from './cloudstack-backend.ts';
export type { CloudStackBackendOptions } from './cloudstack-backend.ts';
export { belongs, CHECKPOINT, isExpungeRefusal, VmTagConflictError } from './vm-ops.ts';
export { CloudStackClient } from './client.ts';
export type { CallOptions, CloudStackClientOptions, CsParams } from './client.ts';
export {
  createTags, deployVirtualMachine, destroyVirtualMachine, expungeVirtualMachine, listNetworks, listServiceOfferings, listTemplates,
  listVirtualMachines, listZones, rebootVirtualMachine, startVirtualMachine, tagParams,
} from './api.ts';
export type { DeployVmParams, ListVmParams } from './api.ts';
export { queryAsyncJobResult, waitForJob } from './jobs.ts';
export type { JobWaitOptions } from './jobs.ts';
export { canonicalQuery, formatExpires, javaUrlEncode, parseExpires, signParams } from './signing.ts';
export {
  CloudStackAllocationError, CloudStackAuthError, CloudStackCapacityError, CloudStackError, CloudStackInUseError, CloudStackInternalError,
  CloudStackJobTimeoutError, CloudStackLimitError, CloudStackMalformedError, CloudStackParamError, CloudStackPermissionError,
  CloudStackProtocolError, CloudStackRateLimitError, CloudStackUnavailableError, CloudStackUnsupportedError, cloudStackErrorFrom,
} from './errors.ts';
export type { CloudStackErrorInit } from './errors.ts';
export { CloudStackConfigError, cloudstackConfigSchema, loadCredentials, parseCloudStackConfig } from './config.ts';
export type { CloudStackConfig, CloudStackConfigInput, CloudStackCredentials } from './config.ts';
export { resolveTargets } from './resolve.ts';
export type { ResolvedTargets } from './resolve.ts';
export { USER_DATA_MAX_BASE64 } from './launch-spec.ts';
export { PORT_TAG, toResource } from './vm-view.ts';
export type { CsAsyncJob, CsVirtualMachine, CsVmState } from './types.ts';
