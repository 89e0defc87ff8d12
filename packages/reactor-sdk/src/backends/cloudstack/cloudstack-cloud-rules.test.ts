/**
 * The backend against three rules of a real CloudStack server that the emulator models: tag
 * filters match ANY pair (not all), a user account's expunge refusal fails INSIDE the destroy
 * job (530), and user data is limited by `vm.userdata.max.length` (32,768 base64 characters).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentBackendError, type DeploymentSpec, type OperationContext } from '../../backend.ts';
import { memoryCheckpoint, operationContext } from '../../context.ts';
import { builtinCatalog } from '../../launch/catalog.ts';
import { CloudStackBackend } from './cloudstack-backend.ts';
import { CloudStackClient } from './client.ts';
import { parseCloudStackConfig, type CloudStackConfigInput } from './config.ts';
import { EMULATOR_USER, emulatorConfig, type CloudStackEmulator, type EmulatorOptions } from './emulator/index.ts';
import { closeAll, count, nodeSpec, PROVIDER, recorder, setup } from './test-support.ts';

afterEach(closeAll);

const OTHER = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const THIRD = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';

/** One backend per provider, all on the same cloud account; one checkpoint per deployment, as the reactor keeps them. */
function providerBackend(cloud: CloudStackEmulator, provider: string, config: Partial<CloudStackConfigInput> = {}, calls: string[] = []) {
  const backend = new CloudStackBackend({
    config: parseCloudStackConfig(emulatorConfig(cloud.url, config)), provider, credentials: EMULATOR_USER, catalog: builtinCatalog(),
    marketplace: { name: 'Development', rpcUrl: 'ws://127.0.0.1:9944' }, onCall: (c) => calls.push(c),
  });
  const checkpoints = new Map<string, ReturnType<typeof memoryCheckpoint>>();
  const { log } = recorder();
  const ctx = (name: string): OperationContext => {
    if (!checkpoints.has(name)) checkpoints.set(name, memoryCheckpoint());
    return operationContext({ log, checkpoint: checkpoints.get(name)! });
  };
  return { backend, ctx, calls };
}

async function cloudOf(opts: EmulatorOptions = {}): Promise<CloudStackEmulator> {
  const { cloud } = await setup({ jobDelayMs: 5, ...opts });
  return cloud;
}

const tagsOfVm = (cloud: CloudStackEmulator, id: string) => Object.fromEntries(cloud.state.vms.get(id)!.tags.map((t) => [t.key, t.value]));

describe('cloudstack backend: tag filters match ANY pair on a real server', () => {
  it('several subscriptions of several subscribers on one account: terminating one leaves every other VM untouched', async () => {
    const cloud = await cloudOf();
    const subscribers = [PROVIDER, OTHER, THIRD].map((p) => ({ p, ...providerBackend(cloud, p) }));
    const made: { spec: DeploymentSpec; backend: CloudStackBackend; ctx: (n: string) => OperationContext; vmId: string }[] = [];
    let id = 1;
    for (const s of subscribers) {
      for (let k = 0; k < 3; k++) {
        const spec = nodeSpec(id++, {}, s.p);
        const r = await s.backend.create(spec, s.ctx(spec.name));
        expect(r.state).toBe('running');
        expect(r.key).toEqual(spec.key);
        expect(tagsOfVm(cloud, r.backendId)).toMatchObject(spec.tags);
        made.push({ spec, backend: s.backend, ctx: s.ctx, vmId: r.backendId });
      }
    }
    expect(new Set(made.map((m) => m.vmId)).size).toBe(9); // nobody adopted another's VM
    expect(cloud.counts()).toMatchObject({ vmsCreated: 9, vmsLive: 9 });

    const victim = made[4]!; // the second subscription of the second subscriber
    const resource = (await victim.backend.list(victim.ctx('list'))).find((r) => r.name === victim.spec.name)!;
    await victim.backend.destroy(resource, victim.ctx(victim.spec.name));

    for (const m of made) {
      const vm = cloud.state.vms.get(m.vmId)!;
      if (m === victim) expect(vm.state).toBe('Destroyed');
      else expect({ name: vm.name, state: vm.state, destroyed: vm.destroyed }).toEqual({ name: vm.name, state: 'Running', destroyed: false });
    }
    expect(cloud.counts()).toMatchObject({ vmsDestroyed: 1, vmsLive: 8 });
    for (const s of subscribers) expect((await s.backend.list(s.ctx('list'))).length).toBe(s.p === OTHER ? 2 : 3);
  });

  it('destroy of one deployment among VMs made earlier (seeded through the API) expunges only its own VM', async () => {
    const cloud = await cloudOf({ accounts: [{ name: 'dinfra', ...EMULATOR_USER, mayExpunge: true }] });
    const user = new CloudStackClient({ endpoint: cloud.url, ...EMULATOR_USER });
    const s = cloud.state;
    const ids: string[] = [];
    for (const [i, p] of [PROVIDER, PROVIDER, OTHER, THIRD].entries()) {
      const spec = nodeSpec(i + 1, {}, p);
      const d = await user.call<{ id: string }>('deployVirtualMachine', { zoneid: s.zones[0]!.id, templateid: s.templates[0]!.id, serviceofferingid: s.offerings[0]!.id, name: spec.name });
      s.vms.get(d.id)!.tags = Object.entries(spec.tags).map(([key, value]) => ({ key, value }));
      ids.push(d.id);
    }
    await new Promise((r) => setTimeout(r, 20));
    const a = providerBackend(cloud, PROVIDER);
    const victim = (await a.backend.list(a.ctx('list'))).find((r) => r.key.id === '2')!;
    await a.backend.destroy(victim, a.ctx(victim.name));
    expect(ids.map((id) => s.vms.get(id)!.expunged)).toEqual([false, true, false, false]);
    expect(cloud.counts()).toMatchObject({ vmsExpunged: 1, vmsLive: 3 });
  });

  it('inspect of one deployment never answers with another deployment\'s VM', async () => {
    const cloud = await cloudOf();
    const a = providerBackend(cloud, PROVIDER);
    const r1 = await a.backend.create(nodeSpec(1), a.ctx(nodeSpec(1).name));
    await a.backend.create(nodeSpec(2), a.ctx(nodeSpec(2).name));
    await a.backend.destroy(r1, a.ctx(nodeSpec(1).name));
    expect(await a.backend.inspect({ ...r1, backendId: 'gone' }, a.ctx(nodeSpec(1).name))).toBeUndefined();
  });

  it('never destroys a VM named like the deployment whose tags belong to another deployment', async () => {
    const cloud = await cloudOf();
    const a = providerBackend(cloud, PROVIDER);
    const spec = nodeSpec(1);
    const r = await a.backend.create(spec, a.ctx(spec.name));
    const vm = cloud.state.vms.get(r.backendId)!;
    vm.tags = vm.tags.map((t) => (t.key === 'dinfra:generation' ? { ...t, value: '7' } : t)); // someone else's now
    await a.backend.destroy(r, a.ctx(spec.name));
    expect(vm.state).toBe('Running');
    expect(cloud.counts().vmsDestroyed).toBe(0);
  });
});

describe('cloudstack backend: the expunge refusal comes inside the destroy job (530)', () => {
  it('falls back to a destroy without expunge when the job fails with "Account does not have permission for expunging"', async () => {
    const cloud = await cloudOf();
    const a = providerBackend(cloud, PROVIDER);
    const spec = nodeSpec(1);
    const r = await a.backend.create(spec, a.ctx(spec.name));
    a.calls.length = 0;
    await a.backend.destroy(r, a.ctx(spec.name));
    expect(count(a.calls, 'destroyVirtualMachine')).toBe(2);
    expect(cloud.counts()).toMatchObject({ vmsDestroyed: 1, vmsExpunged: 0, vmsLive: 0 });
  });

  it('expunges when the account has the permission', async () => {
    const cloud = await cloudOf({ accounts: [{ name: 'dinfra', ...EMULATOR_USER, mayExpunge: true }] });
    const a = providerBackend(cloud, PROVIDER);
    const r = await a.backend.create(nodeSpec(1), a.ctx(nodeSpec(1).name));
    await a.backend.destroy(r, a.ctx(nodeSpec(1).name));
    expect(cloud.counts()).toMatchObject({ vmsDestroyed: 1, vmsExpunged: 1 });
  });

  it('a destroy job that keeps failing ends in a PermanentBackendError after the retry cap, not an endless loop', async () => {
    const cloud = await cloudOf();
    const a = providerBackend(cloud, PROVIDER, { expunge: false, destroyAttempts: 3 });
    const spec = nodeSpec(1);
    const r = await a.backend.create(spec, a.ctx(spec.name));
    cloud.failNext('destroyVirtualMachine', { code: 530, count: 1000, phase: 'job', text: 'Failed to destroy vm' });
    let last: unknown;
    let calls = 0;
    for (; calls < 10; calls++) {
      last = await a.backend.destroy(r, a.ctx(spec.name)).then(() => undefined, (e: unknown) => e);
      if (last instanceof PermanentBackendError) break;
    }
    expect(last).toBeInstanceOf(PermanentBackendError);
    expect((last as PermanentBackendError).code).toBe('CLOUDSTACK_DESTROY_FAILED');
    expect((last as Error).message).toMatch(/3 destroy attempts.*Failed to destroy vm/);
    expect(cloud.counts().calls.destroyVirtualMachine).toBe(3);
  });
});

describe('cloudstack backend: user data against vm.userdata.max.length', () => {
  const bigSpec = (): DeploymentSpec => ({ ...nodeSpec(9), type: 'cloud-init', descriptor: { type: 'cloud-init', userData: `#cloud-config\nwrite_files: [{path: /x, content: "${'x'.repeat(30_000)}"}]\n` } });

  it('refuses user data over the default 32,768 base64 characters before any VM call, naming the setting to raise', async () => {
    const cloud = await cloudOf();
    const a = providerBackend(cloud, PROVIDER);
    const err = await a.backend.create(bigSpec(), a.ctx(bigSpec().name)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentBackendError);
    expect((err as PermanentBackendError).code).toBe('CLOUDSTACK_USERDATA_TOO_LARGE');
    expect((err as Error).message).toMatch(/vm\.userdata\.max\.length/);
    expect((err as Error).message).toMatch(/cloudstack\.userDataMaxLength/);
    expect(cloud.counts().calls.deployVirtualMachine).toBeUndefined();
  });

  it('takes it when the cloud\'s setting is raised and the config says so (POST)', async () => {
    const cloud = await cloudOf({ userDataMaxLength: 1_048_576 });
    const a = providerBackend(cloud, PROVIDER, { userDataMaxLength: 1_048_576 });
    const r = await a.backend.create(bigSpec(), a.ctx(bigSpec().name));
    expect(cloud.state.vms.get(r.backendId)!.userdata!.length).toBeGreaterThan(32_768);
  });
});

describe('cloudstack backend: the shared launch.cloudInit setting', () => {
  it('renders node user data with the packages and pre-commands the aws backend gets too', async () => {
    const cloud = await cloudOf();
    const backend = new CloudStackBackend({
      config: parseCloudStackConfig(emulatorConfig(cloud.url)), provider: PROVIDER, credentials: EMULATOR_USER, catalog: builtinCatalog(),
      marketplace: { name: 'Development', rpcUrl: 'wss://dinfra.example.org' },
      cloudInit: { packages: ['jq'], preCommands: [['sh', '-c', 'curl -fsSL https://example.org/node -o /usr/local/bin/node']] },
    });
    const r = await backend.create(nodeSpec(1), operationContext({ log: recorder().log }));
    const text = Buffer.from(cloud.state.vms.get(r.backendId)!.userdata!, 'base64').toString('utf8');
    expect(text).toMatch(/packages:\n\s+- jq/);
    expect(text).toContain('https://example.org/node');
    expect(text).toContain('wss://dinfra.example.org');
    expect(text).not.toContain('127.0.0.1');
  });
});
