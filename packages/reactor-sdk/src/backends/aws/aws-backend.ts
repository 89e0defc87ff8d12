import {
  DescribeInstancesCommand, RebootInstancesCommand, RunInstancesCommand, StartInstancesCommand, TerminateInstancesCommand,
  waitUntilInstanceRunning, waitUntilInstanceTerminated, type DescribeInstancesCommandOutput, type Instance,
} from '@aws-sdk/client-ec2';
import type { Backend, DeploymentSpec, OperationContext, Resource, ResourceKey } from '../../backend.ts';
import { sameKey } from '../../naming.ts';
import { clientToken } from './client-token.ts';
import { makeClients, type AwsClientOptions, type AwsClients } from './clients.ts';
import type { AwsConfig } from './config.ts';
import { describeAll, keyFilters, oldestFirst, providerFilters } from './describe.ts';
import { AwsPermanentError, AwsRetryableError, isNotFound, mapAwsError } from './errors.ts';
import { ImageResolver } from './image.ts';
import { stateOf, toResource } from './instance-view.ts';
import { launchParams, runInstancesInput, type LaunchInputs } from './launch-spec.ts';

/** Checkpoint keys (durable per resource, kept by the reactor across crashes). */
export const CHECKPOINT = {
  /** Launch number in the ClientToken; raised when EC2 replays a token of a terminated instance. */
  launch: 'aws.launch',
  /** The instance RunInstances returned (informational: the tags are the source of truth). */
  instanceId: 'aws.instanceId',
} as const;

export interface AwsBackendOptions extends LaunchInputs, AwsClientOptions {
  /** The provider's SS58 address: `list` returns what was made for it. */
  readonly provider: string;
  /** Clients to use instead of making them from the config (tests, API-call counting). */
  readonly clients?: AwsClients;
}

export const AWS_TYPES = ['substrate-node', 'cloud-init'] as const;

/**
 * `--backend aws`: one EC2 instance per deployment. Crash safety comes from two layers:
 * every instance is tagged at launch (so `create` adopts what a crashed run launched), and
 * RunInstances carries a ClientToken derived from the deployment (so even a launch that EC2's
 * eventually consistent DescribeInstances does not show yet is not repeated).
 */
export class AwsBackend implements Backend {
  readonly name = 'aws';
  readonly types: readonly string[] = AWS_TYPES;
  readonly clients: AwsClients;
  private readonly config: AwsConfig;
  private readonly images: ImageResolver;

  constructor(private readonly opts: AwsBackendOptions) {
    this.config = opts.config;
    this.clients = opts.clients ?? makeClients(opts.config, opts);
    this.images = new ImageResolver(opts.config.images, this.clients.ssm);
  }

  async create(spec: DeploymentSpec, ctx: OperationContext): Promise<Resource> {
    if (!this.types.includes(spec.type)) throw new AwsPermanentError(`${spec.name}: the aws backend serves ${this.types.join(', ')}, not "${spec.type}"`, 'AWS_TYPE_UNSUPPORTED');
    const params = launchParams(spec, this.opts); // every permanent input error before any call
    const log = ctx.log.child({ backend: 'aws', resource: spec.name });
    for (let round = 0; round < 5; round++) {
      const live = (await this.findLive(spec.key, ctx.signal)).filter((i) => i.State?.Name !== 'shutting-down');
      if (live.length) {
        const keep = await this.keepOne(live, spec.name, ctx);
        log.info({ instanceId: keep.InstanceId, state: keep.State?.Name }, 'adopting the instance a previous run launched');
        ctx.checkpoint.set(CHECKPOINT.instanceId, keep.InstanceId!);
        if (keep.State?.Name === 'stopping')
          throw new AwsRetryableError(`${spec.name}: instance ${keep.InstanceId} is stopping; it is started once stopped`, 'AWS_INSTANCE_STOPPING', 10_000);
        if (keep.State?.Name === 'stopped') await this.start(keep.InstanceId!, spec.name, ctx);
        return this.waitRunning(keep.InstanceId!, spec.name, ctx);
      }
      const imageId = await this.images.resolve(params.imageName, spec.name, ctx.signal);
      const launch = Number(ctx.checkpoint.get(CHECKPOINT.launch) ?? '1');
      const token = clientToken(spec.key, launch);
      ctx.progress('RunInstances', { launch, imageId, instanceType: params.instanceType });
      let instance: Instance | undefined;
      try {
        const out = await this.clients.ec2.send(new RunInstancesCommand(runInstancesInput(params, imageId, token, this.config)), { abortSignal: ctx.signal });
        instance = out.Instances?.[0];
      } catch (e) {
        throw mapAwsError(e, { operation: 'RunInstances', resource: spec.name });
      }
      if (!instance?.InstanceId) throw new AwsRetryableError(`RunInstances for ${spec.name}: no instance in the answer`, 'AWS_EMPTY_ANSWER', 5_000);
      const s = instance.State?.Name;
      if (s === 'shutting-down' || s === 'terminated') {
        // EC2 remembers a token after its instance is gone and answers with that instance:
        // launch anew under the next token (recorded first, so a crash here cannot reuse it).
        log.warn({ instanceId: instance.InstanceId, state: s, launch }, 'the ClientToken names a terminated instance; launching under the next token');
        ctx.checkpoint.set(CHECKPOINT.launch, String(launch + 1));
        continue;
      }
      ctx.checkpoint.set(CHECKPOINT.instanceId, instance.InstanceId);
      log.info({ instanceId: instance.InstanceId, launch }, 'launched');
      return this.waitRunning(instance.InstanceId, spec.name, ctx);
    }
    throw new AwsRetryableError(`${spec.name}: instances keep terminating right after launch`, 'AWS_LAUNCH_UNSTABLE', 60_000);
  }

  async destroy(resource: Resource, ctx: OperationContext): Promise<void> {
    const found = await this.findLive(resource.key, ctx.signal);
    const ids = new Set(found.filter((i) => i.State?.Name !== 'shutting-down').map((i) => i.InstanceId!));
    const waitFor = new Set(found.map((i) => i.InstanceId!));
    if (resource.backendId.startsWith('i-') && !waitFor.has(resource.backendId)) {
      // Not found by its tags: terminate it by id only if it still carries this key's tags.
      const byId = await this.describeById(resource.backendId, ctx.signal);
      if (byId && stateOf(byId.State?.Name) !== 'gone' && toResource(byId, this.config) && sameKey(toResource(byId, this.config)!.key, resource.key)) {
        ids.add(resource.backendId);
        waitFor.add(resource.backendId);
      }
    }
    if (ids.size) {
      ctx.progress('TerminateInstances', { instanceIds: [...ids] });
      try {
        await this.clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: [...ids] }), { abortSignal: ctx.signal });
      } catch (e) {
        if (!isNotFound(e)) throw mapAwsError(e, { operation: 'TerminateInstances', resource: resource.name });
      }
    }
    if (waitFor.size) {
      ctx.progress('waiting for terminated', { instanceIds: [...waitFor] });
      await this.wait(waitUntilInstanceTerminated, [...waitFor], resource.name, ctx);
    }
    ctx.checkpoint.delete(CHECKPOINT.instanceId);
    // CHECKPOINT.launch stays: a later create of the same key then skips the spent tokens.
  }

  async list(ctx: OperationContext): Promise<Resource[]> {
    const all = await describeAll(this.clients.ec2, providerFilters(this.opts.provider), ctx.signal, this.config.listPageSize);
    return all.sort(oldestFirst).flatMap((i) => toResource(i, this.config) ?? []);
  }

  async inspect(resource: Resource, ctx: OperationContext): Promise<Resource | undefined> {
    const i = await this.describeById(resource.backendId, ctx.signal);
    const r = i && toResource(i, this.config);
    return r && sameKey(r.key, resource.key) ? r : undefined;
  }

  /** Reboots a running instance (starts a stopped one) and waits until it runs. */
  async restart(resource: Resource, ctx: OperationContext): Promise<Resource> {
    const i = await this.describeById(resource.backendId, ctx.signal);
    const state = i?.State?.Name;
    if (!i || stateOf(state) === 'gone' || state === 'shutting-down') throw new AwsRetryableError(`${resource.name}: instance ${resource.backendId} is gone; it must be created again`, 'AWS_INSTANCE_GONE', 0);
    if (state === 'stopped') await this.start(resource.backendId, resource.name, ctx);
    else {
      ctx.progress('RebootInstances', { instanceId: resource.backendId });
      try {
        await this.clients.ec2.send(new RebootInstancesCommand({ InstanceIds: [resource.backendId] }), { abortSignal: ctx.signal });
      } catch (e) {
        throw mapAwsError(e, { operation: 'RebootInstances', resource: resource.name });
      }
    }
    return this.waitRunning(resource.backendId, resource.name, ctx);
  }

  private async start(id: string, name: string, ctx: OperationContext): Promise<void> {
    ctx.progress('StartInstances', { instanceId: id });
    try {
      await this.clients.ec2.send(new StartInstancesCommand({ InstanceIds: [id] }), { abortSignal: ctx.signal });
    } catch (e) {
      throw mapAwsError(e, { operation: 'StartInstances', resource: name });
    }
  }

  async close(): Promise<void> {
    if (this.opts.clients) return;
    this.clients.ec2.destroy();
    this.clients.ssm.destroy();
  }

  /** Live instances with this key's tags, oldest first. */
  private async findLive(key: ResourceKey, signal: AbortSignal): Promise<Instance[]> {
    return (await describeAll(this.clients.ec2, keyFilters(key), signal)).sort(oldestFirst);
  }

  /** Keeps the oldest of several instances with one key and terminates the others (should never happen: the token prevents it). */
  private async keepOne(live: Instance[], name: string, ctx: OperationContext): Promise<Instance> {
    const [keep, ...extra] = live;
    if (extra.length) {
      const ids = extra.map((i) => i.InstanceId!);
      ctx.log.error({ resource: name, keep: keep!.InstanceId, terminate: ids }, 'duplicate instances for one deployment; terminating the newer ones');
      try {
        await this.clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }), { abortSignal: ctx.signal });
      } catch (e) {
        if (!isNotFound(e)) throw mapAwsError(e, { operation: 'TerminateInstances', resource: name });
      }
    }
    return keep!;
  }

  private async describeById(id: string, signal: AbortSignal): Promise<Instance | undefined> {
    if (!id.startsWith('i-')) return undefined;
    try {
      const out = await this.clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }), { abortSignal: signal });
      return out.Reservations?.[0]?.Instances?.[0];
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw mapAwsError(e, { operation: 'DescribeInstances', resource: id });
    }
  }

  private async waitRunning(id: string, name: string, ctx: OperationContext): Promise<Resource> {
    ctx.progress('waiting for running', { instanceId: id });
    const out = await this.wait(waitUntilInstanceRunning, [id], name, ctx);
    const instance = out?.Reservations?.flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === id) ?? (await this.describeById(id, ctx.signal));
    const r = instance && toResource(instance, this.config);
    if (!r) throw new AwsRetryableError(`${name}: instance ${id} vanished after reaching running`, 'AWS_INSTANCE_GONE', 5_000);
    return r;
  }

  /** Runs an SDK waiter with the config's timing and the context's AbortSignal; maps its failures. */
  private async wait(
    waiter: typeof waitUntilInstanceRunning,
    ids: string[],
    name: string,
    ctx: OperationContext,
  ): Promise<DescribeInstancesCommandOutput | undefined> {
    const target = waiter === waitUntilInstanceRunning ? 'running' : 'terminated';
    try {
      const res = await waiter(
        { client: this.clients.ec2, maxWaitTime: this.config.waitTimeoutSeconds, minDelay: this.config.waitMinDelaySeconds, maxDelay: Math.max(this.config.waitMinDelaySeconds, 30), abortSignal: ctx.signal },
        { InstanceIds: ids },
      );
      return res.final;
    } catch (e) {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? e;
      const err = e as { name?: string; message?: string };
      if (err.name === 'TimeoutError')
        throw new AwsRetryableError(`${name}: ${ids.join(', ')} not ${target} after ${this.config.waitTimeoutSeconds} s`, 'AWS_WAIT_TIMEOUT', 0, { cause: e });
      if (err.name === 'Error' || /FAILURE|failed/i.test(err.message ?? ''))
        throw new AwsRetryableError(`${name}: ${ids.join(', ')} cannot become ${target} (${(err.message ?? '').slice(0, 300)})`, 'AWS_WAIT_FAILED', 30_000, { cause: e });
      throw mapAwsError(e, { operation: `wait ${target}`, resource: name });
    }
  }
}
