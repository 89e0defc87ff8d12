// AWS behaviour moto cannot produce (ClientToken idempotency, throttling, capacity, permission
// errors), through aws-sdk-client-mock with an EC2 double that keeps AWS's token semantics.
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Checkpoint, DeploymentSpec, OperationContext, ResourceKey } from '../../backend.ts';
import { PermanentBackendError } from '../../backend.ts';
import { parseCatalog } from '../../launch/catalog.ts';
import { resourceName, resourceTags } from '../../naming.ts';
import { AwsBackend, CHECKPOINT } from './aws-backend.ts';
import { clientToken } from './client-token.ts';
import { parseAwsConfig, type AwsConfigInput } from './config.ts';
import { AwsPermanentError, AwsRetryableError } from './errors.ts';
import { ec2Error, FakeEc2 } from './fake-ec2.test-support.ts';

const PROVIDER = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const catalog = parseCatalog('chains:\n  polkadot:\n    binary: /usr/local/bin/polkadot\n    chainSpec: polkadot\n');
const key = (id: number, generation = 1): ResourceKey => ({ provider: PROVIDER, id: String(id), generation });
const spec = (k: ResourceKey, descriptor: Record<string, unknown> = {}): DeploymentSpec => ({
  key: k, name: resourceName(k), tags: resourceTags(k), type: 'substrate-node', secrets: {},
  descriptor: { type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: 'v1', ...descriptor },
});

function checkpoint(): Checkpoint & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return { data, get: (k) => data[k], set: (k, v) => void (data[k] = v), delete: (k) => void delete data[k] };
}
const logs: string[] = [];
const log = { debug: () => {}, info: () => {}, warn: (o: object | string, m?: string) => void logs.push(JSON.stringify(o) + (m ?? '')), error: (o: object | string, m?: string) => void logs.push(JSON.stringify(o) + (m ?? '')), child: () => log };
const ctx = (cp = checkpoint(), signal = new AbortController().signal): OperationContext => ({ signal, log, attempt: 1, progress: () => {}, checkpoint: cp });

const ec2 = new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'SECRET-must-not-leak' } });
const ssm = new SSMClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'SECRET-must-not-leak' } });
const mock = mockClient(ec2);
const config = (extra: Partial<AwsConfigInput> = {}) =>
  parseAwsConfig({ region: 'us-east-1', images: { default: 'ami-0123456789abcdef0' }, instanceTypes: { medium: 'm6i.large', large: 'm6i.xlarge' }, waitMinDelaySeconds: 1, waitTimeoutSeconds: 5, ...extra });
const backend = (extra: Partial<AwsConfigInput> = {}) => new AwsBackend({ config: config(extra), provider: PROVIDER, catalog, clients: { ec2, ssm } });

let fake: FakeEc2;
function wire(f: FakeEc2): void {
  fake = f;
  mock.reset();
  mock.on(RunInstancesCommand).callsFake((i) => fake.run(i));
  mock.on(DescribeInstancesCommand).callsFake((i) => fake.describe(i));
  mock.on(TerminateInstancesCommand).callsFake((i) => fake.terminate(i.InstanceIds ?? []));
}
beforeEach(() => {
  logs.length = 0;
  wire(new FakeEc2());
});

describe('aws backend: ClientToken idempotency (AWS semantics, not in moto)', () => {
  it('a reactor that crashed after RunInstances, while DescribeInstances still lags, gets the same instance back', async () => {
    wire(new FakeEc2(3)); // launches stay invisible to filtered listings for 3 describes
    const cp = checkpoint();
    const first = await backend().create(spec(key(1)), ctx(cp));
    // "restart": the tag search finds nothing yet; the token makes EC2 answer with the same instance
    const again = await backend().create(spec(key(1)), ctx(cp));
    expect(again.backendId).toBe(first.backendId);
    expect(fake.launches).toBe(1);
    expect(mock.commandCalls(RunInstancesCommand).map((c) => c.args[0].input.ClientToken)).toEqual([clientToken(key(1)), clientToken(key(1))]);
  });

  it('tokens differ per provider, subscription, generation and launch, and fit EC2\'s 64 characters', () => {
    const tokens = new Set([clientToken(key(1)), clientToken(key(2)), clientToken(key(1, 2)), clientToken({ ...key(1), provider: 'x' }), clientToken(key(1), 2)]);
    expect(tokens.size).toBe(5);
    for (const t of tokens) expect(t).toMatch(/^[\x21-\x7e]{1,64}$/);
    expect(clientToken({ provider: 'p'.repeat(500), id: '18446744073709551615', generation: 4294967295 })).toHaveLength(63);
  });

  it('a changed plan under the same token is a permanent error that says so', async () => {
    wire(new FakeEc2(100)); // the first instance never shows in listings, so only the token meets it
    await backend().create(spec(key(2)), ctx());
    const err = await backend({ instanceTypes: { medium: 'm6i.2xlarge' } }).create(spec(key(2)), ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentBackendError);
    expect((err as AwsPermanentError).code).toBe('AWS_IDEMPOTENT_PARAMETER_MISMATCH');
    expect((err as Error).message).toMatch(/launch plan .* changed under the same subscription and generation/);
    expect(fake.launches).toBe(1);
  });

  it('a token whose instance was terminated is answered with that instance: the next launch number is used, and recorded first', async () => {
    const cp = checkpoint();
    const first = await backend().create(spec(key(3)), ctx(cp));
    fake.terminate([first.backendId]);
    fake.describe({}); // now terminated
    const second = await backend().create(spec(key(3)), ctx(cp));
    expect(second.backendId).not.toBe(first.backendId);
    expect(cp.data[CHECKPOINT.launch]).toBe('2');
    expect(fake.instances.get(second.backendId)?.ClientToken).toBe(clientToken(key(3), 2));
    expect(fake.launches).toBe(2);
  });

  it('create, destroy, create the same deployment again (three times): each launch under a fresh token, no error', async () => {
    const cp = checkpoint();
    const seen = new Set<string>();
    for (let n = 1; n <= 3; n++) {
      const r = await backend().create(spec(key(5)), ctx(cp));
      expect(seen.has(r.backendId)).toBe(false);
      seen.add(r.backendId);
      expect(fake.instances.get(r.backendId)?.ClientToken).toBe(clientToken(key(5), n));
      await backend().destroy(r, ctx(cp));
    }
    expect(fake.launches).toBe(3);
    expect(fake.live()).toEqual([]);
  });

  it('duplicates found by tag (launched before the token existed) are cut to the oldest', async () => {
    fake.run({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: Object.entries(resourceTags(key(4))).map(([Key, Value]) => ({ Key, Value })) }] });
    fake.run({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: Object.entries(resourceTags(key(4))).map(([Key, Value]) => ({ Key, Value })) }] });
    const r = await backend().create(spec(key(4)), ctx());
    expect(r.backendId).toBe('i-00000000000000001');
    expect(fake.live().map((i) => i.InstanceId)).toEqual(['i-00000000000000001']);
  });
});

describe('aws backend: error mapping', () => {
  const cases = [
    ['RequestLimitExceeded', 'server', AwsRetryableError, 'AWS_THROTTLED'],
    ['InsufficientInstanceCapacity', 'server', AwsRetryableError, 'AWS_CAPACITY'],
    ['UnauthorizedOperation', 'client', AwsPermanentError, 'AWS_UNAUTHORIZED'],
    ['VcpuLimitExceeded', 'client', AwsPermanentError, 'AWS_QUOTA'],
    ['InvalidSubnetID.NotFound', 'client', AwsPermanentError, 'AWS_INVALID_PARAMETER'],
  ] as const;
  for (const [name, fault, cls, code] of cases)
    it(`${name} on RunInstances -> ${cls.name} ${code}, nothing launched, no secret in the message`, async () => {
      mock.on(RunInstancesCommand).rejects(ec2Error(name, `${name} (test)`, fault));
      const err = await backend().create(spec(key(10)), ctx()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(cls);
      expect((err as { code: string }).code).toBe(code);
      expect((err as Error).message).toContain(`RunInstances for ${resourceName(key(10))}: ${name}`);
      expect(JSON.stringify([String(err), logs])).not.toContain('SECRET-must-not-leak');
      expect(fake.launches).toBe(0);
    });

  it('capacity errors ask for a later retry than throttling', async () => {
    mock.on(RunInstancesCommand).rejects(ec2Error('InsufficientInstanceCapacity', 'x', 'server'));
    const cap = (await backend().create(spec(key(11)), ctx()).catch((e: unknown) => e)) as AwsRetryableError;
    mock.on(RunInstancesCommand).rejects(ec2Error('RequestLimitExceeded', 'x', 'server'));
    const thr = (await backend().create(spec(key(11)), ctx()).catch((e: unknown) => e)) as AwsRetryableError;
    expect(cap.retryAfterMs).toBeGreaterThan(thr.retryAfterMs);
  });

  it('an instance that dies while starting is a retryable failure, and the retry launches anew', async () => {
    const cp = checkpoint();
    mock.on(DescribeInstancesCommand).callsFake((i) => {
      for (const inst of fake.instances.values()) if (inst.State?.Name === 'pending' && fake.launches === 1) inst.State = { Name: 'terminated', Code: 48 };
      return fake.describe(i);
    });
    const err = await backend().create(spec(key(12)), ctx(cp)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsRetryableError);
    wire(fake);
    const r = await backend().create(spec(key(12)), ctx(cp));
    expect(r.state).toBe('running');
    expect(fake.launches).toBe(2);
  });

  it('abort while waiting for running rejects at once with the abort reason', async () => {
    mock.on(DescribeInstancesCommand).callsFake((i) => ({ Reservations: fake.describe(i).Reservations.map((r) => ({ Instances: r.Instances.map((x) => ({ ...x, State: { Name: 'pending', Code: 0 } })) })) }));
    const ac = new AbortController();
    const p = backend({ waitTimeoutSeconds: 600 }).create(spec(key(13)), ctx(checkpoint(), ac.signal));
    setTimeout(() => ac.abort(new Error('reactor stopping')), 300);
    await expect(p).rejects.toThrow('reactor stopping');
  });

  it('a wait that runs out is retryable and names the instance', async () => {
    mock.on(DescribeInstancesCommand).callsFake((i) => ({ Reservations: fake.describe(i).Reservations.map((r) => ({ Instances: r.Instances.map((x) => ({ ...x, State: { Name: 'pending', Code: 0 } })) })) }));
    const err = (await backend({ waitTimeoutSeconds: 2 }).create(spec(key(14)), ctx()).catch((e: unknown) => e)) as AwsRetryableError;
    expect(err).toBeInstanceOf(AwsRetryableError);
    expect(err.code).toBe('AWS_WAIT_TIMEOUT');
    expect(err.message).toMatch(/i-0+1 not running after 2 s/);
  });
});
