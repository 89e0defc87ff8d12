import type { Instance } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { resourceTags } from '../../naming.ts';
import { AWS_TAG, endpointsOf, stateOf, toResource } from './instance-view.ts';

const key = { provider: '5Prov', id: '7', generation: 2 };
const instance = (o: Partial<Instance> = {}): Instance => ({
  InstanceId: 'i-0abc',
  State: { Name: 'running', Code: 16 },
  PublicIpAddress: '203.0.113.5',
  PrivateIpAddress: '10.0.0.5',
  PublicDnsName: 'ec2-203-0-113-5.compute.amazonaws.com',
  PrivateDnsName: 'ip-10-0-0-5.ec2.internal',
  Tags: Object.entries({ ...resourceTags(key), [AWS_TAG.name]: 'dinfra-x-7-2', [AWS_TAG.rpcPort]: '9944' }).map(([Key, Value]) => ({ Key, Value })),
  ...o,
});
const cfg = { address: 'public-ip' as const };

describe('EC2 instance -> Resource', () => {
  it('endpoints from the chosen address and the port tag, only once running', () => {
    expect(endpointsOf(instance(), cfg)).toEqual(['ws://203.0.113.5:9944']);
    expect(endpointsOf(instance(), { address: 'private-dns' })).toEqual(['ws://ip-10-0-0-5.ec2.internal:9944']);
    expect(endpointsOf(instance({ PublicIpAddress: undefined }), cfg)).toEqual(['ws://10.0.0.5:9944']); // no public IP: private
    expect(endpointsOf(instance(), { ...cfg, endpointHost: 'rpc.example.org' })).toEqual(['ws://rpc.example.org:9944']);
    expect(endpointsOf(instance({ PublicIpAddress: '2001:db8::5' }), cfg)).toEqual(['ws://[2001:db8::5]:9944']);
    expect(endpointsOf(instance({ State: { Name: 'pending' } }), cfg)).toEqual([]);
    expect(endpointsOf(instance({ Tags: instance().Tags!.filter((t) => t.Key !== AWS_TAG.rpcPort) }), cfg)).toEqual([]); // untagged
  });

  it('a cloud-init machine: the ports its descriptor declared (dinfra:ports), or host:// when none', () => {
    const ci = (ports: string, o: Partial<Instance> = {}) => instance({ Tags: [...instance().Tags!.filter((t) => t.Key !== AWS_TAG.rpcPort), { Key: 'dinfra:ports', Value: ports }], ...o });
    expect(endpointsOf(ci('tcp:8080,https:443'), cfg)).toEqual(['tcp://203.0.113.5:8080', 'https://203.0.113.5:443']);
    expect(endpointsOf(ci('none'), cfg)).toEqual(['host://203.0.113.5']);
    expect(endpointsOf(ci('tcp:22', { State: { Name: 'pending' } }), cfg)).toEqual([]);
  });

  it('states map onto the port\'s; terminated is gone', () => {
    expect(['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated', 'weird'].map(stateOf)).toEqual(['creating', 'running', 'stopped', 'stopped', 'destroying', 'gone', 'unknown']);
    expect(toResource(instance({ State: { Name: 'terminated' } }), cfg)).toBeUndefined();
  });

  it('the key comes back from the tags; an instance without a complete DINFRA tag set is not ours', () => {
    expect(toResource(instance(), cfg)).toMatchObject({ key, name: 'dinfra-x-7-2', backendId: 'i-0abc', state: 'running' });
    expect(toResource(instance({ Tags: [{ Key: 'Name', Value: 'web' }] }), cfg)).toBeUndefined();
  });
});
