// Deployment specs, a cloud chain catalog and a backend wired to a moto server.
import { parseCatalog, resourceName, resourceTags, type DeploymentSpec, type ResourceKey } from '@dinfra/reactor-sdk';
import { AwsBackend, parseAwsConfig, type AwsClients, type AwsConfigInput } from '@dinfra/reactor-sdk/aws';
import { MOTO_CREDENTIALS, MOTO_REGION } from './moto.ts';

export const PROVIDER = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
export const OTHER_PROVIDER = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';

/** What the instances run: a binary installed on the AMI (or by cloud-init preCommands). */
export const CLOUD_CATALOG = parseCatalog(`
chains:
  polkadot:
    binary: /usr/local/bin/polkadot
    chainSpec: polkadot
  westend:
    binary: /usr/local/bin/polkadot
    chainSpec: westend
`);

export const key = (id: number | string, generation = 1, provider = PROVIDER): ResourceKey => ({ provider, id: String(id), generation });

export function nodeSpec(k: ResourceKey, descriptor: Record<string, unknown> = {}): DeploymentSpec {
  return {
    key: k,
    name: resourceName(k),
    tags: resourceTags(k),
    type: 'substrate-node',
    descriptor: { type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: 'v1.16.0', ...descriptor },
    secrets: {},
  };
}

export function cloudInitSpec(k: ResourceKey, descriptor: Record<string, unknown> = {}): DeploymentSpec {
  return {
    key: k,
    name: resourceName(k),
    tags: resourceTags(k),
    type: 'cloud-init',
    descriptor: { type: 'cloud-init', userData: '#cloud-config\npackages: [nginx]\nruncmd:\n  - [systemctl, enable, --now, nginx]\n', ...descriptor },
    secrets: {},
  };
}

export function motoConfig(endpoint: string, ami: string, extra: Partial<AwsConfigInput> = {}): AwsConfigInput {
  return {
    region: MOTO_REGION,
    endpoint,
    images: { default: ami, polkadot: ami },
    instanceTypes: { small: 't3.small', medium: 'm6i.large' },
    waitMinDelaySeconds: 1,
    waitTimeoutSeconds: 30,
    maxAttempts: 2,
    ...extra,
  };
}

export function motoBackend(endpoint: string, ami: string, opts: { provider?: string; clients?: AwsClients; config?: Partial<AwsConfigInput> } = {}): AwsBackend {
  return new AwsBackend({
    config: parseAwsConfig(motoConfig(endpoint, ami, opts.config)),
    provider: opts.provider ?? PROVIDER,
    catalog: CLOUD_CATALOG,
    credentials: MOTO_CREDENTIALS,
    ...(opts.clients ? { clients: opts.clients } : {}),
  });
}
