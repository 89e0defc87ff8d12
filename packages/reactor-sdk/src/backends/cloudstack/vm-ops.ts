/**
 * VM operations the backend composes, each crash-safe on its own: find by exact name, wait for
 * a VM to leave Starting, put missing tags, destroy (expunge, or plain destroy when the account
 * may not expunge), with the job id kept in the checkpoint while it runs.
 *
 * CloudStack's `tags[i]` filters match a VM carrying ANY of the pairs, so lists filter by the
 * one tag that identifies a subscription and every tag is checked here (`belongs`): a VM whose
 * DINFRA tags are not all this deployment's is never adopted and never destroyed.
 */
import { PermanentBackendError, type OperationContext } from '../../backend.ts';
import { createTags, destroyVirtualMachine, listVirtualMachines } from './api.ts';
import type { CloudStackClient } from './client.ts';
import { CloudStackError, CloudStackJobTimeoutError, CloudStackPermissionError } from './errors.ts';
import { waitForJob, type JobWaitOptions } from './jobs.ts';
import { sleep } from './sleep.ts';
import type { CsVirtualMachine } from './types.ts';
import { isGone, tagsOf } from './vm-view.ts';
import { TAG } from '../../naming.ts';

export const CHECKPOINT = {
  /** deployVirtualMachine's job: a restarted reactor resumes it instead of deploying again. */
  deployJob: 'cloudstack.deployJob',
  /** The VM that job makes. */
  vmId: 'cloudstack.vmId',
  /** destroyVirtualMachine's job. */
  destroyJob: 'cloudstack.destroyJob',
  /**
   * Deploy attempt (absent = 1). A VM destroyed without expunge keeps its host name in the
   * network until the cloud expunges it, so the next deploy uses `<name>-r<attempt>`.
   */
  attempt: 'cloudstack.attempt',
  /** Destroy calls made for this deployment that did not succeed (capped by `destroyAttempts`). */
  destroyTries: 'cloudstack.destroyTries',
  /** The last destroy failure (for the reason once the cap is reached). */
  destroyLastError: 'cloudstack.destroyLastError',
} as const;

/** The tags that identify a deployment: a VM carrying another value of any of them is someone else's. */
const IDENTITY = [TAG.provider, TAG.subscription, TAG.generation] as const;

/**
 * Whether `vm` is the deployment's: none of its identity tags differs from the deployment's,
 * and it is either named as the deployment (it may not be tagged yet) or carries all of them.
 */
export function belongs(vm: CsVirtualMachine, names: readonly string[], tags: Readonly<Record<string, string>>): boolean {
  const have = tagsOf(vm);
  if (IDENTITY.some((k) => have[k] !== undefined && have[k] !== tags[k])) return false;
  return names.includes(vm.name) || IDENTITY.every((k) => have[k] === tags[k]);
}

/** The refusal of `expunge=true`: 531 (synchronous, older clouds) or, as current servers do, a destroy job failing with 530 and this text. */
export function isExpungeRefusal(e: unknown): e is CloudStackError {
  if (e instanceof CloudStackPermissionError) return true;
  return e instanceof CloudStackError && e.errorCode === 530 && /permission for expung/i.test(e.errorText);
}

/** The VM host name of a deployment's `attempt`-th deploy. */
export const vmName = (name: string, attempt: number): string => (attempt <= 1 ? name : `${name}-r${attempt}`);

export const attemptOf = (ctx: OperationContext): number => Math.max(1, Number(ctx.checkpoint.get(CHECKPOINT.attempt) ?? '1') || 1);

/** Every host name a deployment may have used so far. */
export const namesOf = (name: string, ctx: OperationContext): string[] => Array.from({ length: attemptOf(ctx) }, (_, i) => vmName(name, i + 1));

export interface VmOpsOptions {
  readonly client: CloudStackClient;
  readonly job: Omit<JobWaitOptions, 'signal' | 'onPending'>;
  /** Try expunge=true first. */
  expunge: boolean;
  /** Destroy calls per deployment before giving up with a PermanentBackendError. @default 5 */
  readonly destroyAttempts?: number;
}

export class VmOps {
  constructor(readonly o: VmOpsOptions) {}

  jobOpts(ctx: OperationContext, what: string, resumed = false): JobWaitOptions {
    return { ...this.o.job, pollNow: resumed, signal: ctx.signal, onPending: (job, polls) => ctx.progress(`${what}: job pending`, { jobId: job.jobid, polls }) };
  }

  /** Live VMs named exactly `name` (the server's name filter is a LIKE match), oldest first. */
  async byName(name: string, ctx: OperationContext): Promise<CsVirtualMachine[]> {
    const vms = await listVirtualMachines(this.o.client, { name }, { signal: ctx.signal });
    return vms.filter((v) => v.name === name && !isGone(v)).sort((a, b) => (a.created ?? '').localeCompare(b.created ?? ''));
  }

  /**
   * Live VMs that are this deployment's (see `belongs`), oldest first: by exact name (one list
   * per name the deployment used) and by the one tag naming its subscription (a VM an operator
   * renamed keeps its tags). Never a list by several tags: the server ORs them.
   */
  async mine(names: readonly string[], tags: Readonly<Record<string, string>>, ctx: OperationContext): Promise<CsVirtualMachine[]> {
    const byName = (await Promise.all(names.map((n) => this.byName(n, ctx)))).flat();
    const tagged = await listVirtualMachines(this.o.client, { tags: { [TAG.subscription]: tags[TAG.subscription]! } }, { signal: ctx.signal });
    const all = new Map([...byName, ...tagged.filter((v) => !isGone(v))].filter((v) => belongs(v, names, tags)).map((v) => [v.id, v]));
    return [...all.values()].sort((a, b) => (a.created ?? '').localeCompare(b.created ?? ''));
  }

  /** The live VM with this id; `undefined` when gone or when `id` is no CloudStack id (431 otherwise). */
  async byId(id: string, ctx: OperationContext): Promise<CsVirtualMachine | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    const vms = await listVirtualMachines(this.o.client, { id }, { signal: ctx.signal });
    return vms.find((v) => v.id === id && !isGone(v));
  }

  /** Polls the VM (whose job id is unknown) until it is no longer Starting; `undefined` if it vanished. */
  async settle(vm: CsVirtualMachine, ctx: OperationContext): Promise<CsVirtualMachine | undefined> {
    const deadline = Date.now() + (this.o.job.timeoutMs ?? 600_000);
    let delay = this.o.job.initialDelayMs ?? 500;
    let cur: CsVirtualMachine | undefined = vm;
    for (let polls = 1; cur?.state === 'Starting'; polls++) {
      if (Date.now() > deadline) throw new CloudStackJobTimeoutError(`(vm ${vm.id})`, 'deployVirtualMachine', this.o.job.timeoutMs ?? 600_000);
      ctx.progress('waiting for the VM to start', { vmId: vm.id, polls });
      await sleep(delay, ctx.signal);
      delay = Math.min(delay * 2, this.o.job.maxDelayMs ?? 5_000);
      cur = await this.byId(vm.id, ctx);
    }
    return cur;
  }

  /** Adds the tags the VM lacks; a key already there with another value is a conflict. */
  async ensureTags(vm: CsVirtualMachine, tags: Readonly<Record<string, string>>, ctx: OperationContext): Promise<void> {
    const have = tagsOf(vm);
    const clash = Object.keys(tags).find((k) => have[k] !== undefined && have[k] !== tags[k]);
    if (clash) throw new VmTagConflictError(vm, clash, have[clash]!, tags[clash]!);
    const missing = Object.fromEntries(Object.entries(tags).filter(([k]) => have[k] === undefined));
    if (Object.keys(missing).length === 0) return;
    ctx.progress('createTags', { vmId: vm.id, keys: Object.keys(missing) });
    const ans = await createTags(this.o.client, { resourceids: [vm.id], resourcetype: 'UserVm', tags: missing }, { signal: ctx.signal });
    try {
      await waitForJob(this.o.client, ans.jobid, 'createTags', this.jobOpts(ctx, 'createTags'));
    } catch (e) {
      // A createTags of an earlier run may have landed first (the key then exists): look again.
      if (!(e instanceof CloudStackError)) throw e;
      const fresh = await this.byId(vm.id, ctx);
      const now = fresh ? tagsOf(fresh) : {};
      if (Object.entries(missing).some(([k, v]) => now[k] !== v)) throw e;
    }
    ctx.progress('tagged', { vmId: vm.id });
  }

  /**
   * Destroys one VM of the deployment and waits until it is gone; falls back to a plain destroy
   * when the account may not expunge (`isExpungeRefusal`). After `destroyAttempts` failed
   * destroys of the deployment (counted in its checkpoint) it gives up with a
   * PermanentBackendError (`CLOUDSTACK_DESTROY_FAILED`) instead of retrying for ever; the count
   * starts again after that. Returns whether the VM was expunged (else its host name stays
   * taken until the cloud expunges it).
   */
  async destroy(vm: CsVirtualMachine, ctx: OperationContext): Promise<{ expunged: boolean }> {
    const max = this.o.destroyAttempts ?? 5;
    const tries = Number(ctx.checkpoint.get(CHECKPOINT.destroyTries) ?? '0') || 0;
    if (tries >= max) {
      const last = ctx.checkpoint.get(CHECKPOINT.destroyLastError) ?? 'unknown error';
      ctx.checkpoint.delete(CHECKPOINT.destroyTries);
      ctx.checkpoint.delete(CHECKPOINT.destroyLastError);
      throw new PermanentBackendError(`VM ${vm.name} (${vm.id}): giving up after ${tries} destroy attempts; last: ${last}`, 'CLOUDSTACK_DESTROY_FAILED');
    }
    for (;;) {
      const expunge = this.o.expunge;
      ctx.progress('destroyVirtualMachine', { vmId: vm.id, name: vm.name, expunge });
      try {
        const ans = await destroyVirtualMachine(this.o.client, { id: vm.id, expunge }, { signal: ctx.signal });
        ctx.progress('destroyVirtualMachine accepted', { vmId: vm.id, jobId: ans.jobid });
        ctx.checkpoint.set(CHECKPOINT.destroyJob, ans.jobid);
        await waitForJob(this.o.client, ans.jobid, 'destroyVirtualMachine', this.jobOpts(ctx, 'destroyVirtualMachine'));
        ctx.checkpoint.delete(CHECKPOINT.destroyJob);
        ctx.checkpoint.delete(CHECKPOINT.destroyTries);
        ctx.checkpoint.delete(CHECKPOINT.destroyLastError);
        ctx.progress('destroyed', { vmId: vm.id });
        return { expunged: expunge };
      } catch (e) {
        if (expunge && isExpungeRefusal(e)) {
          ctx.checkpoint.delete(CHECKPOINT.destroyJob);
          ctx.log.warn({ vmId: vm.id, errorText: e.errorText }, 'the account may not expunge: destroying without expunge (the cloud expunges after its expunge.delay)');
          this.o.expunge = false;
          continue;
        }
        if (e instanceof CloudStackError) {
          // The job failed (or the call was refused): counted; a timeout or abort is not (the job may still finish).
          ctx.checkpoint.delete(CHECKPOINT.destroyJob);
          ctx.checkpoint.set(CHECKPOINT.destroyTries, String(tries + 1));
          ctx.checkpoint.set(CHECKPOINT.destroyLastError, e.message);
        }
        throw e;
      }
    }
  }

  /** Waits for a destroy job an earlier run started (a failed or forgotten job: destroy again). */
  async resumeDestroy(jobId: string, ctx: OperationContext): Promise<void> {
    ctx.progress('resuming destroyVirtualMachine job', { jobId });
    try {
      await waitForJob(this.o.client, jobId, 'destroyVirtualMachine', this.jobOpts(ctx, 'destroyVirtualMachine', true));
    } catch (e) {
      if (!(e instanceof CloudStackError)) throw e; // timeouts/aborts: keep the job id for next time
      ctx.log.info({ jobId, code: e.code }, 'the earlier destroy job failed or is unknown: destroying again');
    }
    ctx.checkpoint.delete(CHECKPOINT.destroyJob);
  }
}

/** A VM with our deterministic name carries another deployment's tags. */
export class VmTagConflictError extends PermanentBackendError {
  static override readonly errorName = 'VmTagConflictError';
  constructor(vm: CsVirtualMachine, key: string, has: string, wants: string) {
    super(`VM ${vm.name} (${vm.id}) has tag ${key}=${has}, expected ${wants}: not adopting it`, 'CLOUDSTACK_TAG_CONFLICT');
  }
}
