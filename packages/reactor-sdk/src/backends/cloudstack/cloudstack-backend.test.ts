import { afterEach, describe, expect, it } from 'vitest';
import { PermanentBackendError } from '../../backend.ts';
import { deployVirtualMachine } from './api.ts';
import { CloudStackCapacityError, CloudStackJobTimeoutError } from './errors.ts';
import { EMULATOR_USER } from './emulator/index.ts';
import { closeAll, count, nodeSpec, PROVIDER, setup } from './test-support.ts';
import { CHECKPOINT } from './vm-ops.ts';

afterEach(closeAll);

describe('cloudstack backend against the emulator', () => {
  it('creates a running, tagged VM from the SDK\'s cloud-init, with its endpoint; create again adopts it', async () => {
    const { backend, cloud, ctx, calls } = await setup();
    await backend.targets();
    calls.length = 0;
    const r = await backend.create(nodeSpec(7), ctx());
    expect(r).toMatchObject({ name: nodeSpec(7).name, state: 'running', key: { provider: PROVIDER, id: '7', generation: 1 } });
    const vm = cloud.state.vms.get(r.backendId)!;
    expect(r.endpoints).toEqual([`ws://${vm.publicip}:9944`]);
    expect(vm.state).toBe('Running');
    expect(Object.fromEntries(vm.tags.map((t) => [t.key, t.value]))).toMatchObject({ ...nodeSpec(7).tags, 'dinfra:rpc-port': '9944' });
    const userData = Buffer.from(vm.userdata!, 'base64').toString('utf8');
    expect(userData.startsWith('#cloud-config\n')).toBe(true);
    expect(userData).toContain(`${nodeSpec(7).name}.service`);
    expect(vm.keypair).toBe('dinfra-key');
    expect(vm.networkids).toEqual([cloud.state.networks[0]!.id]);
    expect(count(calls, 'deployVirtualMachine')).toBe(1);
    expect(count(calls, 'createTags')).toBe(1);
    expect(count(calls, 'listVirtualMachines')).toBe(2); // by name, by tags

    calls.length = 0;
    const again = await backend.create(nodeSpec(7), ctx());
    expect(again.backendId).toBe(r.backendId);
    expect(calls).toEqual(['listVirtualMachines', 'listVirtualMachines']);
    expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsLive: 1, duplicateNames: [] });
  });

  it('serves cloud-init deployments with the descriptor\'s own user data and size', async () => {
    const { backend, cloud, ctx } = await setup();
    const spec = { ...nodeSpec(8), type: 'cloud-init', descriptor: { type: 'cloud-init', userData: '#cloud-config\nruncmd: [[echo, hi]]\n', size: 'large' } };
    const r = await backend.create(spec, ctx());
    const vm = cloud.state.vms.get(r.backendId)!;
    expect(Buffer.from(vm.userdata!, 'base64').toString()).toBe(spec.descriptor.userData);
    expect(vm.serviceofferingid).toBe(cloud.state.offerings.find((o) => o.name === 'large')!.id);
    expect(r.endpoints).toEqual([`host://${vm.publicip}`]); // no port declared: the machine, no ws:// of a node it does not run
    const withPorts = { ...nodeSpec(9), type: 'cloud-init', descriptor: { type: 'cloud-init', userData: '#cloud-config\n', ports: [{ port: 8080 }, { port: 443, protocol: 'https' }] } };
    const r2 = await backend.create(withPorts, ctx());
    const vm2 = cloud.state.vms.get(r2.backendId)!;
    expect(r2.endpoints).toEqual([`tcp://${vm2.publicip}:8080`, `https://${vm2.publicip}:443`]);
    expect((await backend.list(ctx())).find((x) => x.name === withPorts.name)!.endpoints).toEqual(r2.endpoints);
  });

  it('lists what it made for this provider by tag; inspect and restart', async () => {
    const { backend, cloud, ctx } = await setup();
    const a = await backend.create(nodeSpec(1), ctx());
    const other = await backend.create(nodeSpec(2, {}, '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'), ctx());
    expect((await backend.list(ctx())).map((r) => r.name)).toEqual([a.name]);
    expect((await backend.inspect(a, ctx()))?.state).toBe('running');
    await backend.restart(a, ctx());
    expect(cloud.counts().calls.rebootVirtualMachine).toBe(1);
    cloud.state.vms.get(a.backendId)!.state = 'Stopped';
    expect((await backend.restart(a, ctx())).state).toBe('running');
    expect(cloud.counts().calls.startVirtualMachine).toBe(1);
    await backend.destroy(other, ctx());
    expect(await backend.inspect(other, ctx())).toBeUndefined();
  });

  it('destroys with expunge, falling back to a plain destroy once the account is refused (531); twice is a no-op', async () => {
    const { backend, cloud, ctx, calls, rec } = await setup();
    const a = await backend.create(nodeSpec(1), ctx());
    const b = await backend.create(nodeSpec(2), ctx());
    calls.length = 0;
    await backend.destroy(a, ctx());
    expect(count(calls, 'destroyVirtualMachine')).toBe(2); // expunge=true refused, then without
    expect(rec.lines.some((l) => l.includes('may not expunge'))).toBe(true);
    calls.length = 0;
    await backend.destroy(b, ctx());
    expect(count(calls, 'destroyVirtualMachine')).toBe(1); // remembered
    await backend.destroy(b, ctx());
    expect(cloud.counts()).toMatchObject({ vmsCreated: 2, vmsDestroyed: 2, vmsExpunged: 0, vmsLive: 0 });
    expect(await backend.list(ctx())).toEqual([]);
  });

  it('expunges when the account may', async () => {
    const { backend, cloud, ctx, calls } = await setup({ allowUserExpunge: true });
    const a = await backend.create(nodeSpec(1), ctx());
    calls.length = 0;
    await backend.destroy(a, ctx());
    expect(count(calls, 'destroyVirtualMachine')).toBe(1);
    expect(cloud.counts()).toMatchObject({ vmsDestroyed: 1, vmsExpunged: 1, vmsLive: 0 });
  });

  it('a deploy job that fails (533) leaves no VM behind and a retryable error; the next create succeeds', async () => {
    const { backend, cloud, ctx, checkpoint } = await setup();
    cloud.failNext('deployVirtualMachine', { code: 533 });
    const err = await backend.create(nodeSpec(1), ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudStackCapacityError);
    expect(err).not.toBeInstanceOf(PermanentBackendError);
    expect(checkpoint.get(CHECKPOINT.deployJob)).toBeUndefined();
    expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsLive: 0, vmsInError: 0 });
    const r = await backend.create(nodeSpec(1), ctx());
    expect(r.state).toBe('running');
    // the Error VM was destroyed without expunge (a user account): its host name stays taken
    // until the cloud expunges it, so the new VM is `<name>-r2`; the resource keeps the deployment's name
    expect(cloud.state.vms.get(r.backendId)!.name).toBe(`${nodeSpec(1).name}-r2`);
    expect(r.name).toBe(nodeSpec(1).name);
    expect(checkpoint.get(CHECKPOINT.attempt)).toBe('2');
    expect(cloud.counts()).toMatchObject({ vmsCreated: 2, vmsLive: 1 });
    await backend.destroy(r, ctx());
    expect(cloud.counts()).toMatchObject({ vmsLive: 0, vmsDestroyed: 2 });
  });

  it('a host name still held by a destroyed VM (the checkpoint lost with it) moves the deploy to the next name', async () => {
    const { backend, cloud, ctx, checkpoint } = await setup();
    const first = await backend.create(nodeSpec(1), ctx());
    await backend.destroy(first, ctx()); // not expunged: the name stays taken
    checkpoint.delete(CHECKPOINT.attempt);
    const again = await backend.create(nodeSpec(1), ctx());
    expect(cloud.state.vms.get(again.backendId)!.name).toBe(`${nodeSpec(1).name}-r2`);
    expect((await backend.list(ctx())).map((r) => r.name)).toEqual([nodeSpec(1).name]);
    expect(cloud.counts()).toMatchObject({ vmsCreated: 2, vmsLive: 1 });
  });

  it('a VM in Error left by an earlier run is destroyed before deploying again', async () => {
    const { backend, cloud, ctx, user } = await setup();
    const s = cloud.state;
    cloud.failNext('deployVirtualMachine', { code: 533 });
    await deployVirtualMachine(user, { zoneid: s.zones[0]!.id, templateid: s.templates[0]!.id, serviceofferingid: s.offerings[0]!.id, name: nodeSpec(1).name });
    await new Promise((r) => setTimeout(r, 40));
    const r = await backend.create(nodeSpec(1), ctx());
    expect(r.state).toBe('running');
    expect(cloud.counts()).toMatchObject({ vmsCreated: 2, vmsLive: 1, vmsInError: 0, duplicateNames: [] });
  });

  it('resumes the deploy job kept in the checkpoint instead of deploying again', async () => {
    const { backend, cloud, ctx, user, checkpoint, calls } = await setup({ jobDelayMs: 150 });
    const s = cloud.state;
    const ans = await deployVirtualMachine(user, { zoneid: s.zones[0]!.id, templateid: s.templates[0]!.id, serviceofferingid: s.offerings[0]!.id, name: nodeSpec(1).name });
    checkpoint.set(CHECKPOINT.deployJob, ans.jobid);
    checkpoint.set(CHECKPOINT.vmId, ans.id!);
    await backend.targets();
    calls.length = 0;
    const r = await backend.create(nodeSpec(1), ctx());
    expect(r.backendId).toBe(ans.id);
    expect(count(calls, 'deployVirtualMachine')).toBe(0);
    expect(calls[0]).toBe('queryAsyncJobResult');
    expect(checkpoint.get(CHECKPOINT.deployJob)).toBeUndefined();
    expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsLive: 1 });
  });

  it('adopts and tags an untagged VM with its name (a crash before tagging), and removes duplicates', async () => {
    const { backend, cloud, ctx, user } = await setup({ uniqueNames: false });
    const s = cloud.state;
    const p = { zoneid: s.zones[0]!.id, templateid: s.templates[0]!.id, serviceofferingid: s.offerings[0]!.id, name: nodeSpec(1).name };
    await deployVirtualMachine(user, p);
    await deployVirtualMachine(user, p);
    await deployVirtualMachine(user, { ...p, name: `${p.name}0` }); // a LIKE match, not ours
    expect(cloud.counts().duplicateNames).toEqual([p.name]);
    const r = await backend.create(nodeSpec(1), ctx());
    expect(r.state).toBe('running');
    expect(cloud.counts()).toMatchObject({ vmsCreated: 3, vmsLive: 2, duplicateNames: [] });
    expect(cloud.state.vms.get(r.backendId)!.tags.length).toBeGreaterThan(0);
    expect(cloud.state.vms.get(r.backendId)!.name).toBe(p.name);
  });

  it('adopts a VM carrying its tags under another name (renamed by an operator) instead of deploying a second one', async () => {
    const { backend, cloud, ctx } = await setup();
    const r = await backend.create(nodeSpec(3), ctx());
    (cloud.state.vms.get(r.backendId) as { name: string }).name = 'renamed-by-ops';
    const again = await backend.create(nodeSpec(3), ctx());
    expect(again.backendId).toBe(r.backendId);
    await backend.destroy(again, ctx());
    expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsLive: 0 });
  });

  it('a job that outlives its timeout keeps its id; the next create resumes it', async () => {
    const { backend, cloud, ctx, checkpoint } = await setup({ jobDelays: { deployVirtualMachine: 3_600_000 } }, { jobTimeoutSeconds: 1 });
    await expect(backend.create(nodeSpec(1), ctx())).rejects.toBeInstanceOf(CloudStackJobTimeoutError);
    expect(checkpoint.get(CHECKPOINT.deployJob)).toBeDefined();
    cloud.state.options.jobDelays = {};
    cloud.state.releaseJobs();
    expect((await backend.create(nodeSpec(1), ctx())).state).toBe('running');
    expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsLive: 1 });
  });

  it('errors retrying cannot fix are PermanentBackendErrors, and bad input fails before any call', async () => {
    const { backend, cloud, ctx, calls } = await setup({ accounts: [{ name: 'dinfra', apiKey: EMULATOR_USER.apiKey, secretKey: EMULATOR_USER.secretKey, maxVms: 1 }] });
    await backend.targets();
    calls.length = 0;
    await expect(backend.create(nodeSpec(1, { size: 'huge' }), ctx())).rejects.toMatchObject({ code: 'CLOUDSTACK_SIZE_UNKNOWN' });
    await expect(backend.create({ ...nodeSpec(1), type: 'rpc-endpoint' }, ctx())).rejects.toMatchObject({ code: 'CLOUDSTACK_TYPE_UNSUPPORTED' });
    await expect(backend.create({ ...nodeSpec(1), type: 'cloud-init', descriptor: { userData: 'x'.repeat(800_000) } }, ctx())).rejects.toMatchObject({ code: 'CLOUDSTACK_USERDATA_TOO_LARGE' });
    expect(calls).toEqual([]);
    await backend.create(nodeSpec(1), ctx());
    const limit = await backend.create(nodeSpec(2), ctx()).catch((e: unknown) => e);
    expect(limit).toBeInstanceOf(PermanentBackendError);
    expect(limit).toMatchObject({ code: 'CLOUDSTACK_RESOURCE_ALLOCATION' });
    cloud.failNext('deployVirtualMachine', { code: 431, phase: 'sync' });
    await backend.destroy((await backend.list(ctx()))[0]!, ctx());
    await expect(backend.create(nodeSpec(2), ctx())).rejects.toMatchObject({ code: 'CLOUDSTACK_PARAM_ERROR' });
    expect(cloud.counts().vmsLive).toBe(0);
  });

  it('writes the deployment\'s secrets into the user data (/etc/dinfra/secrets.env), never into logs', async () => {
    const { backend, cloud, ctx, rec } = await setup();
    const spec = { ...nodeSpec(9), secrets: { NODE_KEY: 'super-secret-node-key-value' } };
    const r = await backend.create(spec, ctx());
    const userData = Buffer.from(cloud.state.vms.get(r.backendId)!.userdata!, 'base64').toString('utf8');
    expect(userData).toContain('/etc/dinfra/secrets.env');
    expect(userData).toContain('NODE_KEY="super-secret-node-key-value"');
    expect(rec.lines.join('\n')).not.toContain('super-secret-node-key-value');
    await expect(backend.create({ ...nodeSpec(10), secrets: { 'bad name': 'x' } }, ctx())).rejects.toMatchObject({ code: 'CLOUDSTACK_SECRET_NAME_INVALID' });
  });

  it('never logs the secret key', async () => {
    const { backend, ctx, rec, cloud } = await setup();
    cloud.failNext('deployVirtualMachine', { code: 533 });
    await backend.create(nodeSpec(1), ctx()).catch(() => undefined);
    const r = await backend.create(nodeSpec(1), ctx());
    await backend.destroy(r, ctx());
    expect(rec.lines.length).toBeGreaterThan(5);
    expect(rec.lines.join('\n')).not.toContain(EMULATOR_USER.secretKey);
    expect(JSON.stringify(backend)).not.toContain(EMULATOR_USER.secretKey);
  });
});
