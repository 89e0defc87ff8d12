import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { deployVirtualMachine, listVirtualMachines, listZones } from './api.ts';
import { CloudStackClient, type CloudStackClientOptions } from './client.ts';
import { CloudStackAuthError, CloudStackCapacityError, CloudStackJobTimeoutError, CloudStackParamError, CloudStackProtocolError } from './errors.ts';
import { startCloudStackEmulator, type CloudStackEmulator, type EmulatorOptions } from './emulator/index.ts';
import { waitForJob } from './jobs.ts';

const SECRET = 'dinfra-secret-key';
let cloud: CloudStackEmulator | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

async function setup(opts: EmulatorOptions = {}, client: Partial<CloudStackClientOptions> = {}) {
  cloud = await startCloudStackEmulator({ jobDelayMs: 30, ...opts });
  const c = new CloudStackClient({ endpoint: cloud.url, apiKey: 'dinfra-api-key', secretKey: SECRET, ...client });
  const s = cloud.state;
  const base = { zoneid: s.zones[0]!.id, templateid: s.templates[0]!.id, serviceofferingid: s.offerings[0]!.id };
  return { cloud, c, base };
}

const fastJob = { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 10_000 };

describe('CloudStackClient against the emulator', () => {
  it('signs POST requests the emulator accepts, also with values that need encoding', async () => {
    const { c, cloud } = await setup();
    expect((await listZones(c)).map((z) => z.name)).toEqual(['zone1']);
    for (const name of ['a b', "*~!'()", 'é+/=&?', 'x'.repeat(300)]) expect(await listVirtualMachines(c, { name })).toEqual([]);
    expect(cloud.counts().refused401).toBe(0);
  });

  it('a wrong secret is a CloudStackAuthError (401) and the secret appears nowhere', async () => {
    const { cloud } = await setup();
    const bad = new CloudStackClient({ endpoint: cloud.url, apiKey: 'dinfra-api-key', secretKey: 'not-the-secret-key' });
    const err = await listZones(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudStackAuthError);
    expect((err as CloudStackAuthError).errorCode).toBe(401);
    for (const shown of [String(err), JSON.stringify(err), inspect(err), inspect(bad), JSON.stringify(bad), inspect(bad, { showHidden: true, depth: 5 })]) {
      expect(shown).not.toContain('not-the-secret-key');
    }
    expect(cloud.counts().refused401).toBe(1);
  });

  it('an expired request is refused; so is one beyond the expires window when the cloud enforces one', async () => {
    const { cloud } = await setup({ maxExpiresAheadMs: 15 * 60_000 });
    const old = new CloudStackClient({ endpoint: cloud.url, apiKey: 'dinfra-api-key', secretKey: SECRET, now: () => Date.now() - 600_000, expiresInMs: 60_000 });
    await expect(listZones(old)).rejects.toBeInstanceOf(CloudStackAuthError);
    const far = new CloudStackClient({ endpoint: cloud.url, apiKey: 'dinfra-api-key', secretKey: SECRET, expiresInMs: 20 * 60_000 });
    await expect(listZones(far)).rejects.toBeInstanceOf(CloudStackAuthError);
    const ok = new CloudStackClient({ endpoint: cloud.url, apiKey: 'dinfra-api-key', secretKey: SECRET, expiresInMs: 10 * 60_000 });
    expect(await listZones(ok)).toHaveLength(1);
  });

  it('pages list calls and stops at count', async () => {
    const { c, cloud, base } = await setup({ maxPageSize: 3, jobDelayMs: 0 }, { pageSize: 3 });
    for (let i = 0; i < 7; i++) await deployVirtualMachine(c, { ...base, name: `vm-${i}` });
    const before = cloud.counts().calls.listVirtualMachines ?? 0;
    const all = await listVirtualMachines(c);
    expect(all.map((v) => v.name).sort()).toEqual(['vm-0', 'vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5', 'vm-6']);
    expect((cloud.counts().calls.listVirtualMachines ?? 0) - before).toBe(3);
    await deployVirtualMachine(c, { ...base, name: 'vm-7' }); // 8: pages of 3, 3, 2
    await deployVirtualMachine(c, { ...base, name: 'vm-8' }); // 9: pages of 3, 3, 3 and count says done
    const mid = cloud.counts().calls.listVirtualMachines ?? 0;
    expect(await listVirtualMachines(c)).toHaveLength(9);
    expect((cloud.counts().calls.listVirtualMachines ?? 0) - mid).toBe(3);
    const big = new CloudStackClient({ endpoint: cloud.url, apiKey: 'dinfra-api-key', secretKey: SECRET, pageSize: 4 });
    await expect(listVirtualMachines(big)).rejects.toBeInstanceOf(CloudStackParamError);
  });

  it('waits for async jobs: success, a typed failure, a timeout that keeps the job, an abort', async () => {
    const { c, cloud, base } = await setup({ jobDelayMs: 60 });
    const ok = await deployVirtualMachine(c, { ...base, name: 'ok' });
    const job = await waitForJob(c, ok.jobid, 'deployVirtualMachine', fastJob);
    expect(job.jobresult?.virtualmachine?.state).toBe('Running');

    cloud.failNext('deployVirtualMachine', { code: 533 });
    const bad = await deployVirtualMachine(c, { ...base, name: 'bad' });
    const err = await waitForJob(c, bad.jobid, 'deployVirtualMachine', fastJob).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudStackCapacityError);
    expect((err as CloudStackCapacityError).jobId).toBe(bad.jobid);
    expect((err as CloudStackCapacityError).csErrorCode).toBe(4335);
    expect((await listVirtualMachines(c, { id: bad.id })).map((v) => v.state)).toEqual(['Error']);

    cloud.state.options.jobDelayMs = 60_000;
    const slow = await deployVirtualMachine(c, { ...base, name: 'slow' });
    let polls = 0;
    const t = await waitForJob(c, slow.jobid, 'deployVirtualMachine', { ...fastJob, timeoutMs: 150, onPending: () => polls++ }).catch((e: unknown) => e);
    expect(t).toBeInstanceOf(CloudStackJobTimeoutError);
    expect((t as CloudStackJobTimeoutError).jobId).toBe(slow.jobid);
    expect(polls).toBeGreaterThanOrEqual(1);

    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('stopping')), 50);
    await expect(waitForJob(c, slow.jobid, 'deployVirtualMachine', { ...fastJob, signal: ac.signal })).rejects.toThrow('stopping');
  });

  it('sends user data up to 1 MB by POST (vm.userdata.max.length raised); GET never carries more than 32,768 characters', async () => {
    const { c, cloud, base } = await setup({ jobDelayMs: 0, userDataMaxLength: 1_048_576 });
    const big = `#cloud-config\n# ${'x'.repeat(700_000)}\n`;
    const ans = await deployVirtualMachine(c, { ...base, name: 'big', userdata: big });
    expect(Buffer.from(cloud.state.vms.get(ans.id!)!.userdata!, 'base64').toString('utf8')).toBe(big);
    const query = c.signedBody('deployVirtualMachine', { ...base, name: 'get', userdata: Buffer.from('y'.repeat(24_600)).toString('base64') });
    const res = await fetch(`${cloud.url}?${query}`);
    expect(res.status).toBe(431);
    expect(JSON.stringify(await res.json())).toContain('User data is too long');
    const small = c.signedBody('deployVirtualMachine', { ...base, name: 'get', userdata: Buffer.from('#cloud-config\n').toString('base64') });
    expect((await fetch(`${cloud.url}?${small}`)).status).toBe(200);
  });

  it('a non-CloudStack answer is a CloudStackProtocolError; list calls retry it, deploy does not', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const c = new CloudStackClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/api`, apiKey: 'k', secretKey: 's', readRetries: 2 });
    await expect(listZones(c)).rejects.toBeInstanceOf(CloudStackProtocolError);
    expect(hits).toBe(3);
    hits = 0;
    await expect(deployVirtualMachine(c, { zoneid: 'z', templateid: 't', serviceofferingid: 'o', name: 'n' })).rejects.toBeInstanceOf(CloudStackProtocolError);
    expect(hits).toBe(1);
    server.close();
  });
});
