import { afterEach, describe, expect, it } from 'vitest';
import { PermanentBackendError } from '../../backend.ts';
import { builtinCatalog } from '../../launch/catalog.ts';
import { CloudStackBackend } from './cloudstack-backend.ts';
import { parseCloudStackConfig } from './config.ts';
import { emulatorConfig } from './emulator/index.ts';
import { CloudStackAuthError, CloudStackInternalError } from './errors.ts';
import { closeAll, count, nodeSpec, setup } from './test-support.ts';
import { CHECKPOINT } from './vm-ops.ts';

afterEach(closeAll);

describe('cloudstack backend: faults an operator would ask about', () => {
  it('a failed list (530) deploys nothing and is retryable', async () => {
    const { backend, cloud, ctx, calls } = await setup();
    await backend.targets();
    cloud.failNext('listVirtualMachines', { code: 530, phase: 'sync' });
    const err = await backend.create(nodeSpec(1), ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudStackInternalError);
    expect(err).not.toBeInstanceOf(PermanentBackendError);
    expect(count(calls, 'deployVirtualMachine')).toBe(0);
    expect((await backend.create(nodeSpec(1), ctx())).state).toBe('running');
    expect(cloud.counts().vmsCreated).toBe(1);
  });

  it('a failed createTags job leaves the VM for the next create to adopt and tag (no second VM)', async () => {
    const { backend, cloud, ctx } = await setup();
    cloud.failNext('createTags', { code: 530, phase: 'job' });
    await expect(backend.create(nodeSpec(1), ctx())).rejects.toBeInstanceOf(CloudStackInternalError);
    expect(await backend.list(ctx())).toEqual([]); // untagged: not listed by tag yet
    const r = await backend.create(nodeSpec(1), ctx());
    expect((await backend.list(ctx())).map((x) => x.backendId)).toEqual([r.backendId]);
    expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsLive: 1 });
  });

  it('a deploy job the cloud no longer knows (purged) falls back to the listing: no second deploy', async () => {
    const { backend, cloud, ctx, checkpoint } = await setup();
    const r = await backend.create(nodeSpec(1), ctx());
    checkpoint.set(CHECKPOINT.deployJob, '00000000-0000-4000-8000-000000000000');
    const again = await backend.create(nodeSpec(1), ctx());
    expect(again.backendId).toBe(r.backendId);
    expect(checkpoint.get(CHECKPOINT.deployJob)).toBeUndefined();
    expect(cloud.counts().vmsCreated).toBe(1);
  });

  it('aborting (the reactor stops) ends the wait at once and keeps the job id for the restart', async () => {
    const { backend, cloud, ctx, checkpoint } = await setup({ jobDelays: { deployVirtualMachine: 3_600_000 } });
    const ac = new AbortController();
    const running = backend.create(nodeSpec(1), ctx(ac.signal));
    for (let i = 0; i < 200 && !checkpoint.get(CHECKPOINT.deployJob); i++) await new Promise((r) => setTimeout(r, 10));
    ac.abort(new Error('reactor stopping'));
    await expect(running).rejects.toThrow('reactor stopping');
    expect(checkpoint.get(CHECKPOINT.deployJob)).toBeDefined();
    cloud.state.options.jobDelays = {};
    cloud.state.releaseJobs();
    expect((await backend.create(nodeSpec(1), ctx())).state).toBe('running');
    expect(cloud.counts().vmsCreated).toBe(1);
  });

  it('inspect and destroy of a resource whose backend id is not a CloudStack id go by name', async () => {
    const { backend, cloud, ctx } = await setup();
    const r = await backend.create(nodeSpec(1), ctx());
    const odd = { ...r, backendId: 'pending' };
    expect((await backend.inspect(odd, ctx()))?.backendId).toBe(r.backendId);
    await backend.destroy(odd, ctx());
    expect(await backend.inspect(odd, ctx())).toBeUndefined();
    expect(cloud.counts()).toMatchObject({ vmsLive: 0, vmsDestroyed: 1 });
  });

  it('bad keys are an auth error (retried by the reactor, not a failed deployment) and touch nothing', async () => {
    const { cloud, ctx } = await setup();
    const bad = new CloudStackBackend({ config: parseCloudStackConfig(emulatorConfig(cloud.url)), provider: 'p', credentials: { apiKey: 'dinfra-api-key', secretKey: 'wrong' }, catalog: builtinCatalog() });
    const err = await bad.create(nodeSpec(1), ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudStackAuthError);
    expect(err).not.toBeInstanceOf(PermanentBackendError);
    expect(cloud.counts()).toMatchObject({ vmsCreated: 0, refused401: 1 });
  });
});
