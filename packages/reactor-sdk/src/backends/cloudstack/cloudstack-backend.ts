/**
 * `--backend cloudstack`: one VM per deployment, booted with cloud-init user data.
 *
 * CloudStack has no idempotency token, so crash safety comes from: a deterministic VM name
 * (`resourceName`), a list by that name before every deploy (adopting what a crashed run
 * made), the deploy job id in the reactor's checkpoint (a restart resumes the job instead of
 * deploying again), tags added after deploy (and re-checked on adoption), VMs in Error
 * destroyed before deploying again.
 */
import { PermanentBackendError, type Backend, type DeploymentSpec, type OperationContext, type Resource } from '../../backend.ts';
import { deployVirtualMachine, listVirtualMachines, rebootVirtualMachine, startVirtualMachine } from './api.ts';
import { CloudStackClient } from './client.ts';
import { loadCredentials, type CloudStackCredentials } from './config.ts';
import { CloudStackError, CloudStackJobTimeoutError, CloudStackParamError } from './errors.ts';
import { waitForJob } from './jobs.ts';
import { launchParams, type LaunchInputs } from './launch-spec.ts';
import { resolveTargets, type ResolvedTargets } from './resolve.ts';
import type { CsVirtualMachine } from './types.ts';
import { attemptOf, belongs, CHECKPOINT, namesOf, vmName, VmOps } from './vm-ops.ts';
import { isGone, toResource } from './vm-view.ts';
import { resourceTags, TAG } from '../../naming.ts';

const resourceTagsOf = (r: Resource): Record<string, string> => resourceTags(r.key);

export const CLOUDSTACK_TYPES = ['substrate-node', 'cloud-init'] as const;

export interface CloudStackBackendOptions extends LaunchInputs {
  /** The provider's SS58 address: `list` returns what was made for it. */
  readonly provider: string;
  /** Keys; default: `loadCredentials(config)` (env or files). Kept only inside the client. */
  readonly credentials?: CloudStackCredentials;
  /** A client to use instead (tests, call counting). */
  readonly client?: CloudStackClient;
  /** Called once per API request (metrics: calls per command). */
  readonly onCall?: (command: string) => void;
}

/** A CloudStack error retrying will not fix becomes a PermanentBackendError (cause kept). */
function permanentIfFinal(e: unknown, what: string): unknown {
  if (e instanceof CloudStackError && !e.retryable && e.errorCode !== 401) return new PermanentBackendError(`${what}: ${e.message}`, e.code, { cause: e });
  return e;
}

export class CloudStackBackend implements Backend {
  readonly name = 'cloudstack';
  readonly types: readonly string[] = CLOUDSTACK_TYPES;
  readonly client: CloudStackClient;
  readonly #ops: VmOps;
  /** The options without the credentials (those live only inside the client). */
  private readonly opts: Omit<CloudStackBackendOptions, 'credentials' | 'client'>;
  #targets: Promise<ResolvedTargets> | undefined;

  constructor(options: CloudStackBackendOptions) {
    const { credentials, client, ...opts } = options;
    this.opts = opts;
    const { config } = opts;
    if (client) this.client = client;
    else {
      const { apiKey, secretKey } = credentials ?? loadCredentials(config);
      this.client = new CloudStackClient({
        endpoint: config.endpoint, apiKey, secretKey, expiresInMs: config.expiresSeconds * 1000, requestTimeoutMs: config.requestTimeoutSeconds * 1000, ...(opts.onCall ? { onCall: opts.onCall } : {}),
      });
    }
    this.#ops = new VmOps({
      client: this.client,
      expunge: config.expunge,
      destroyAttempts: config.destroyAttempts,
      job: { timeoutMs: config.jobTimeoutSeconds * 1000, initialDelayMs: config.pollMinDelayMs, maxDelayMs: config.pollMaxDelayMs },
    });
  }

  /** Resolves zone, templates, offerings and network (once); call at start-up to fail early. */
  targets(signal?: AbortSignal): Promise<ResolvedTargets> {
    this.#targets ??= resolveTargets(this.client, this.opts.config, signal).catch((e: unknown) => {
      this.#targets = undefined;
      throw e;
    });
    return this.#targets;
  }

  async create(spec: DeploymentSpec, ctx: OperationContext): Promise<Resource> {
    if (!this.types.includes(spec.type)) throw new PermanentBackendError(`${spec.name}: the cloudstack backend serves ${this.types.join(', ')}, not "${spec.type}"`, 'CLOUDSTACK_TYPE_UNSUPPORTED');
    const params = launchParams(spec, this.opts, await this.targets(ctx.signal)); // every input error before any VM call
    try {
      const resumed = await this.resumeDeploy(spec, params.tags, ctx);
      if (resumed) return resumed;
      for (let round = 1; ; round++) {
        ctx.progress('listing VMs by name', { name: spec.name });
        const found = await this.#ops.mine(namesOf(spec.name, ctx), spec.tags, ctx);
        for (const vm of found.filter((v) => v.state === 'Error')) await this.cleanUp(vm, spec, ctx);
        const usable = found.filter((v) => v.state !== 'Error');
        if (usable.length > 0) {
          const [keep, ...extra] = [...usable.filter((v) => v.state === 'Running'), ...usable.filter((v) => v.state !== 'Running')];
          for (const vm of extra) await this.#ops.destroy(vm, ctx);
          ctx.log.info({ vmId: keep!.id, state: keep!.state }, 'adopting the VM an earlier run deployed');
          const vm = await this.#ops.settle(keep!, ctx);
          if (vm && vm.state !== 'Error') return await this.finish(vm, spec, params.tags, ctx);
          if (round >= 2) throw new CloudStackError({ command: 'deployVirtualMachine', errorCode: 530, errorText: `VM ${spec.name} ended in Error twice` });
          continue; // it failed to start: the next round destroys it and deploys again
        }
        return await this.deploy(spec, params, ctx);
      }
    } catch (e) {
      throw permanentIfFinal(e, `create ${spec.name}`);
    }
  }

  /** Destroys a failed VM of this deployment; a name it keeps (not expunged) moves the next deploy to the next attempt. */
  private async cleanUp(vm: CsVirtualMachine, spec: DeploymentSpec, ctx: OperationContext): Promise<void> {
    const { expunged } = await this.#ops.destroy(vm, ctx);
    const attempt = attemptOf(ctx);
    if (!expunged && vm.name === vmName(spec.name, attempt)) ctx.checkpoint.set(CHECKPOINT.attempt, String(attempt + 1));
  }

  private async deploy(spec: DeploymentSpec, params: ReturnType<typeof launchParams>, ctx: OperationContext): Promise<Resource> {
    const { config } = this.opts;
    const targets = await this.targets(ctx.signal);
    let ans;
    for (let tries = 1; ; tries++) {
      const name = vmName(spec.name, attemptOf(ctx));
      ctx.progress('deployVirtualMachine', { name });
      try {
        ans = await deployVirtualMachine(this.client, {
          zoneid: targets.zoneId, templateid: params.templateId, serviceofferingid: params.offeringId, name, displayname: spec.name, userdata: params.userData,
          ...(targets.networkId ? { networkids: [targets.networkId] } : {}), securitygroupids: config.securityGroupIds, ...(config.keyPair ? { keypair: config.keyPair } : {}),
        }, { signal: ctx.signal });
        break;
      } catch (e) {
        // The host name is still held by a destroyed (not yet expunged) VM: take the next one.
        if (!(e instanceof CloudStackParamError && /already exists/i.test(e.errorText)) || tries >= 5) throw e;
        ctx.log.warn({ name, errorText: e.errorText }, 'host name taken (a destroyed VM not yet expunged): deploying under the next attempt name');
        ctx.checkpoint.set(CHECKPOINT.attempt, String(attemptOf(ctx) + 1));
      }
    }
    ctx.progress('deployVirtualMachine accepted', { jobId: ans.jobid, vmId: ans.id });
    ctx.checkpoint.set(CHECKPOINT.deployJob, ans.jobid);
    if (ans.id) ctx.checkpoint.set(CHECKPOINT.vmId, ans.id);
    const vm = await this.waitDeploy(ans.jobid, ans.id, spec, ctx);
    return this.finish(vm, spec, params.tags, ctx);
  }

  /** Waits for a deploy job; on failure the VM (left in Error) is destroyed and the error thrown. */
  private async waitDeploy(jobId: string, vmId: string | undefined, spec: DeploymentSpec, ctx: OperationContext, resumed = false): Promise<CsVirtualMachine> {
    try {
      const job = await waitForJob(this.client, jobId, 'deployVirtualMachine', this.#ops.jobOpts(ctx, 'deployVirtualMachine', resumed));
      const vm = job.jobresult?.virtualmachine;
      if (!vm) throw new CloudStackError({ command: 'deployVirtualMachine', errorCode: 530, errorText: 'job succeeded without a virtualmachine', jobId });
      return vm;
    } catch (e) {
      // Timeouts, aborts, errors of queryAsyncJobResult itself: the job id stays for the next try.
      if (!(e instanceof CloudStackError) || e.command !== 'deployVirtualMachine') throw e;
      ctx.log.warn({ jobId, code: e.code, errorText: e.errorText }, 'deploy job failed; cleaning up its VM');
      const id = vmId ?? ctx.checkpoint.get(CHECKPOINT.vmId);
      const vm = id ? await this.#ops.byId(id, ctx) : undefined;
      if (vm) await this.cleanUp(vm, spec, ctx);
      ctx.checkpoint.delete(CHECKPOINT.deployJob);
      ctx.checkpoint.delete(CHECKPOINT.vmId);
      throw e;
    }
  }

  /** A deploy job recorded by an earlier run: wait for it instead of deploying again. */
  private async resumeDeploy(spec: DeploymentSpec, tags: Readonly<Record<string, string>>, ctx: OperationContext): Promise<Resource | undefined> {
    const jobId = ctx.checkpoint.get(CHECKPOINT.deployJob);
    if (!jobId) return undefined;
    ctx.progress('resuming deployVirtualMachine job', { jobId });
    try {
      await this.waitDeploy(jobId, ctx.checkpoint.get(CHECKPOINT.vmId), spec, ctx, true);
    } catch (e) {
      if (e instanceof CloudStackParamError && e.command === 'queryAsyncJobResult') {
        ctx.log.info({ jobId }, 'the cloud no longer knows the deploy job: looking the VM up by name');
        ctx.checkpoint.delete(CHECKPOINT.deployJob);
        return undefined;
      }
      throw e;
    }
    // The job's VM may have been tagged since it finished: list it afresh.
    const vmId = ctx.checkpoint.get(CHECKPOINT.vmId);
    const vm = (vmId ? await this.#ops.byId(vmId, ctx) : undefined) ?? (await this.#ops.mine(namesOf(spec.name, ctx), spec.tags, ctx))[0];
    if (!vm) {
      ctx.checkpoint.delete(CHECKPOINT.deployJob);
      return undefined;
    }
    return this.finish(vm, spec, tags, ctx);
  }

  private async finish(vm: CsVirtualMachine, spec: DeploymentSpec, tags: Readonly<Record<string, string>>, ctx: OperationContext): Promise<Resource> {
    ctx.progress('tagging', { vmId: vm.id });
    await this.#ops.ensureTags(vm, tags, ctx);
    ctx.checkpoint.delete(CHECKPOINT.deployJob);
    ctx.checkpoint.delete(CHECKPOINT.vmId);
    const tagged = { ...vm, tags: Object.entries(tags).map(([key, value]) => ({ key, value })) };
    return toResource(tagged, this.opts.config) ?? { key: spec.key, name: spec.name, backendId: vm.id, state: 'creating', endpoints: [] };
  }

  async destroy(resource: Resource, ctx: OperationContext): Promise<void> {
    try {
      const jobId = ctx.checkpoint.get(CHECKPOINT.destroyJob);
      if (jobId) await this.#ops.resumeDestroy(jobId, ctx);
      ctx.progress('listing VMs by name', { name: resource.name });
      const names = namesOf(resource.name, ctx);
      const tags = resourceTagsOf(resource);
      for (const vm of await this.#ops.mine(names, tags, ctx)) {
        // `mine` only returns VMs whose tags are all this deployment's; checked again where it matters most.
        if (!belongs(vm, names, tags)) throw new PermanentBackendError(`destroy ${resource.name}: VM ${vm.id} is not this deployment's; refusing to destroy it`, 'CLOUDSTACK_TAG_CONFLICT');
        await this.#ops.destroy(vm, ctx);
      }
      ctx.checkpoint.delete(CHECKPOINT.deployJob);
      ctx.checkpoint.delete(CHECKPOINT.vmId);
    } catch (e) {
      throw permanentIfFinal(e, `destroy ${resource.name}`);
    }
  }

  async list(ctx: OperationContext): Promise<Resource[]> {
    const vms = await listVirtualMachines(this.client, { tags: { [TAG.provider]: this.opts.provider } }, { signal: ctx.signal });
    return vms.filter((v) => !isGone(v)).flatMap((v) => {
      const r = toResource(v, this.opts.config);
      return r && r.key.provider === this.opts.provider ? [r] : [];
    });
  }

  async inspect(resource: Resource, ctx: OperationContext): Promise<Resource | undefined> {
    const names = namesOf(resource.name, ctx);
    const tags = resourceTagsOf(resource);
    const byId = await this.#ops.byId(resource.backendId, ctx);
    const vm = (byId && belongs(byId, [...names, byId.name], tags) ? byId : undefined) ?? (await this.#ops.mine(names, tags, ctx))[0];
    if (!vm) return undefined;
    return toResource(vm, this.opts.config) ?? { ...resource, backendId: vm.id, state: 'creating', endpoints: [] };
  }

  /** Starts a stopped VM, reboots a running one; a VM in Error cannot be healed in place. */
  async restart(resource: Resource, ctx: OperationContext): Promise<Resource> {
    try {
      const vm = await this.#ops.byId(resource.backendId, ctx);
      if (!vm) throw new PermanentBackendError(`restart ${resource.name}: the VM ${resource.backendId} is gone`, 'CLOUDSTACK_VM_GONE');
      if (vm.state === 'Error') throw new PermanentBackendError(`restart ${resource.name}: the VM is in Error; it must be recreated`, 'CLOUDSTACK_VM_ERROR');
      const call = vm.state === 'Stopped' ? startVirtualMachine : vm.state === 'Running' ? rebootVirtualMachine : undefined;
      if (call) {
        const command = call === startVirtualMachine ? 'startVirtualMachine' : 'rebootVirtualMachine';
        ctx.progress(command, { vmId: vm.id });
        const ans = await call(this.client, { id: vm.id }, { signal: ctx.signal });
        await waitForJob(this.client, ans.jobid, command, this.#ops.jobOpts(ctx, command));
      } else await this.#ops.settle(vm, ctx);
      const fresh = await this.inspect(resource, ctx);
      if (!fresh) throw new PermanentBackendError(`restart ${resource.name}: the VM vanished`, 'CLOUDSTACK_VM_GONE');
      return fresh;
    } catch (e) {
      if (e instanceof CloudStackJobTimeoutError) throw e;
      throw permanentIfFinal(e, `restart ${resource.name}`);
    }
  }
}
