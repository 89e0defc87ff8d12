import type { Instance } from '@aws-sdk/client-ec2';
import type { Resource, ResourceState } from '../../backend.ts';
import { cloudInitEndpoints, parsePortsTag, PORTS_TAG } from '../../launch/endpoints.ts';
import { keyFromTags } from '../../naming.ts';
import type { AwsConfig } from './config.ts';

/** Extra tags the AWS backend puts next to the SDK's (see naming.ts). */
export const AWS_TAG = {
  /** Console-friendly name (EC2 shows the `Name` tag). */
  name: 'Name',
  type: 'dinfra:type',
  /** The node's RPC port, so `list` can rebuild endpoints without the descriptor. */
  rpcPort: 'dinfra:rpc-port',
} as const;

/** EC2 instance states that still hold (or will hold) resources. */
export const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'] as const;

export function stateOf(ec2State: string | undefined): ResourceState | 'gone' {
  switch (ec2State) {
    case 'pending':
      return 'creating';
    case 'running':
      return 'running';
    case 'stopping':
    case 'stopped':
      return 'stopped';
    case 'shutting-down':
      return 'destroying';
    case 'terminated':
      return 'gone';
    default:
      return 'unknown';
  }
}

export const tagsOf = (i: Instance): Record<string, string> =>
  Object.fromEntries((i.Tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));

/** The host endpoints use: configured host, else the chosen address, else the private IP. */
export function addressOf(i: Instance, config: Pick<AwsConfig, 'address' | 'endpointHost'>): string | undefined {
  if (config.endpointHost) return config.endpointHost;
  const pick = {
    'public-ip': i.PublicIpAddress,
    'private-ip': i.PrivateIpAddress,
    'public-dns': i.PublicDnsName,
    'private-dns': i.PrivateDnsName,
  }[config.address];
  return pick || i.PrivateIpAddress || undefined;
}

/**
 * Endpoints once running: `ws://host:port` for a node; for a cloud-init machine the ports its
 * descriptor declared (`tcp://` / `https://host:port`, kept in the `dinfra:ports` tag), or
 * `host://<address>` when it declared none.
 */
export function endpointsOf(i: Instance, config: Pick<AwsConfig, 'address' | 'endpointHost'>): string[] {
  if (i.State?.Name !== 'running') return [];
  const host = addressOf(i, config);
  const tags = tagsOf(i);
  const ports = tags[PORTS_TAG];
  if (host && ports !== undefined) return cloudInitEndpoints(host, parsePortsTag(ports));
  const port = tags[AWS_TAG.rpcPort];
  if (!host || !port) return [];
  const h = host.includes(':') ? `[${host}]` : host;
  return [`ws://${h}:${port}`];
}

/** A DINFRA-tagged, not-terminated instance as a Resource; `undefined` otherwise. */
export function toResource(i: Instance, config: Pick<AwsConfig, 'address' | 'endpointHost'>): Resource | undefined {
  const tags = tagsOf(i);
  const key = keyFromTags(tags);
  const state = stateOf(i.State?.Name);
  if (!key || !i.InstanceId || state === 'gone') return undefined;
  return {
    key,
    name: tags[AWS_TAG.name] ?? i.InstanceId,
    backendId: i.InstanceId,
    state,
    endpoints: endpointsOf(i, config),
    details: {
      ec2State: i.State?.Name,
      instanceType: i.InstanceType,
      imageId: i.ImageId,
      launchTime: i.LaunchTime?.toISOString(),
      publicIp: i.PublicIpAddress,
      privateIp: i.PrivateIpAddress,
      clientToken: i.ClientToken,
      type: tags[AWS_TAG.type],
    },
  };
}
