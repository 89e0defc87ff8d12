// An EC2 double with AWS's ClientToken semantics (which moto lacks), for aws-sdk-client-mock:
// a replayed token returns the instance it launched; the same token with other parameters is
// refused with IdempotentParameterMismatch; new instances stay invisible to DescribeInstances
// for `invisibleFor` calls (EC2's eventual consistency).
import { createHash } from 'node:crypto';
import { EC2ServiceException, type Instance, type RunInstancesCommandInput } from '@aws-sdk/client-ec2';

export const ec2Error = (name: string, message = name, fault: 'client' | 'server' = 'client') =>
  new EC2ServiceException({ name, message, $fault: fault, $metadata: { httpStatusCode: fault === 'server' ? 503 : 400 } });

export class FakeEc2 {
  readonly instances = new Map<string, Instance & { visibleAfter: number; launchedAt: number }>();
  private readonly tokens = new Map<string, { params: string; instanceId: string }>();
  private describes = 0;
  private next = 1;
  launches = 0;

  constructor(private readonly invisibleFor = 0) {}

  run(input: RunInstancesCommandInput): { Instances: Instance[] } {
    const { ClientToken, ...rest } = input;
    const params = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
    const seen = ClientToken ? this.tokens.get(ClientToken) : undefined;
    if (seen) {
      if (seen.params !== params) throw ec2Error('IdempotentParameterMismatch', 'Client token already used before with different parameters.');
      return { Instances: [this.strip(this.instances.get(seen.instanceId)!)] };
    }
    const id = `i-${(this.next++).toString(16).padStart(17, '0')}`;
    const tags = input.TagSpecifications?.find((t) => t.ResourceType === 'instance')?.Tags ?? [];
    this.instances.set(id, {
      InstanceId: id, ClientToken, ImageId: input.ImageId, InstanceType: input.InstanceType, Tags: tags,
      State: { Name: 'pending', Code: 0 }, PublicIpAddress: `198.51.100.${this.next}`, PrivateIpAddress: `10.0.0.${this.next}`,
      LaunchTime: new Date(), launchedAt: this.describes - 1, visibleAfter: this.describes + this.invisibleFor,
    });
    if (ClientToken) this.tokens.set(ClientToken, { params, instanceId: id });
    this.launches++;
    return { Instances: [this.strip(this.instances.get(id)!)] };
  }

  describe(input: { InstanceIds?: string[]; Filters?: Array<{ Name?: string; Values?: string[] }> }): { Reservations: Array<{ Instances: Instance[] }> } {
    const n = this.describes++;
    const out: Instance[] = [];
    for (const i of this.instances.values()) {
      if (i.State?.Name === 'pending' && n > i.launchedAt) i.State = { Name: 'running', Code: 16 };
      if (i.State?.Name === 'shutting-down') i.State = { Name: 'terminated', Code: 48 };
      if (input.InstanceIds && !input.InstanceIds.includes(i.InstanceId!)) continue;
      if (!input.InstanceIds && n < i.visibleAfter) continue; // filtered listings lag behind
      const ok = (input.Filters ?? []).every((f) => {
        if (f.Name === 'instance-state-name') return f.Values!.includes(i.State!.Name!);
        if (f.Name?.startsWith('tag:')) return i.Tags!.some((t) => t.Key === f.Name!.slice(4) && f.Values!.includes(t.Value!));
        return true;
      });
      if (ok) out.push(this.strip(i));
    }
    return { Reservations: out.map((i) => ({ Instances: [i] })) };
  }

  terminate(ids: string[]): { TerminatingInstances: unknown[] } {
    for (const id of ids) {
      const i = this.instances.get(id);
      if (!i) throw ec2Error('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
      if (i.State?.Name !== 'terminated') i.State = { Name: 'shutting-down', Code: 32 };
    }
    return { TerminatingInstances: ids.map((InstanceId) => ({ InstanceId })) };
  }

  live(): Instance[] {
    return [...this.instances.values()].filter((i) => i.State?.Name !== 'terminated' && i.State?.Name !== 'shutting-down');
  }

  private strip(i: Instance & { visibleAfter?: number; launchedAt?: number }): Instance {
    const { visibleAfter: _v, launchedAt: _l, ...rest } = i;
    return { ...rest, State: { ...rest.State } };
  }
}
