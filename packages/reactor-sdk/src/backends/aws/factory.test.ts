import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../launch/catalog.ts';
import { BackendConfigError, backendRegistry, type BackendFactoryContext } from '../registry.ts';
import { AwsBackend } from './aws-backend.ts';
import { parseAwsConfig } from './config.ts';

const ctx = { provider: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', catalog: parseCatalog('chains: {}'), marketplace: () => undefined } as unknown as BackendFactoryContext;
const good = { region: 'eu-central-1', images: { polkadot: 'ami-0123456789abcdef0' }, instanceTypes: { medium: 'm6i.large' } };

describe('--backend aws configuration', () => {
  it('is registered and builds an AwsBackend from a valid config (credentials from the SDK chain)', async () => {
    const b = await backendRegistry.aws!.create(good, ctx);
    expect(b).toBeInstanceOf(AwsBackend);
    expect(b.types).toEqual(['substrate-node', 'cloud-init']);
    await b.close?.();
  });

  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['region', { region: 'Frankfurt' }, /^backend\.region: an AWS region/],
    ['image', { images: { polkadot: 'ubuntu-24.04' } }, /^backend\.images\.polkadot: an AMI id \(ami-\.\.\.\) or ssm:/],
    ['no images', { images: {} }, /^backend\.images: at least one image/],
    ['instance type', { instanceTypes: { medium: 'large' } }, /^backend\.instanceTypes\.medium: an instance type/],
    ['subnet', { subnetId: 'sn-1' }, /^backend\.subnetId: a subnet id/],
    ['security group', { securityGroupIds: ['default'] }, /^backend\.securityGroupIds\.0: a security group id/],
    ['unknown field', { accessKeyId: 'AKIA...' }, /^backend\.\(root\): Unrecognized key\(s\) in object: 'accessKeyId'/],
    ['endpoint', { endpoint: 'localhost:5000' }, /^backend\.endpoint: an http\(s\) URL/],
    ['cloudInit (moved)', { cloudInit: { packages: ['jq'] } }, /^backend\.cloudInit: moved to the reactor config's launch\.cloudInit/],
  ];
  for (const [what, patch, msg] of bad)
    it(`refuses a bad ${what}, naming the field`, async () => {
      const err = await backendRegistry.aws!.create({ ...good, ...patch }, ctx).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackendConfigError);
      expect((err as Error).message).toMatch(msg);
    });

  it('parseAwsConfig names the field under aws.* and fills the defaults', () => {
    expect(() => parseAwsConfig({ ...good, rpcPort: 0 })).toThrow(/^aws\.rpcPort: /);
    const c = parseAwsConfig(good);
    expect(c).toMatchObject({ defaultSize: 'medium', address: 'public-ip', rpcPort: 9944, maxAttempts: 5, retryMode: 'adaptive', securityGroupIds: [] });
  });
});
