import { afterEach, describe, expect, it } from 'vitest';
import { CloudStackClient } from '../client.ts';
import { signParams } from '../signing.ts';
import { startCloudStackEmulator, type CloudStackEmulator, type EmulatorOptions } from './index.ts';

let cloud: CloudStackEmulator | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

async function setup(opts: EmulatorOptions = {}) {
  cloud = await startCloudStackEmulator({ jobDelayMs: 0, ...opts });
  const user = new CloudStackClient({ endpoint: cloud.url, apiKey: 'dinfra-api-key', secretKey: 'dinfra-secret-key' });
  const admin = new CloudStackClient({ endpoint: cloud.url, apiKey: 'admin-api-key', secretKey: 'admin-secret-key' });
  const s = cloud.state;
  const base = { zoneid: s.zones[0]!.id, templateid: s.templates[0]!.id, serviceofferingid: s.offerings[0]!.id };
  return { cloud, user, admin, base };
}

/** POSTs a raw form body; returns status and the inner answer. */
async function post(url: string, body: string): Promise<{ status: number; inner: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const doc = (await res.json()) as Record<string, Record<string, unknown>>;
  return { status: res.status, inner: Object.values(doc)[0]! };
}

const job = async (c: CloudStackClient, jobid: string) => c.call<Record<string, unknown>>('queryAsyncJobResult', { jobid });

describe('CloudStack emulator: the request check', () => {
  it('refuses tampered requests with 401 as the server does', async () => {
    const { user, cloud } = await setup();
    const body = user.signedBody('listVirtualMachines', { name: 'a' });
    expect((await post(cloud.url, body)).status).toBe(200);
    const cases = {
      'value changed after signing': body.replace('name=a', 'name=b'),
      'parameter added after signing': `${body}&zoneid=${cloud.state.zones[0]!.id}`,
      'signature altered': body.replace(/signature=([^&])/, (_m, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`),
      'signature missing': body.replace(/&?signature=[^&]*/, ''),
      'apiKey unknown': body.replace('apiKey=dinfra-api-key', 'apiKey=someone-else'),
      'expires missing (signatureVersion=3)': body.replace(/&?expires=[^&]*/, ''),
    };
    for (const [what, b] of Object.entries(cases)) {
      const r = await post(cloud.url, b);
      expect(r.status, what).toBe(401);
      expect(r.inner, what).toMatchObject({ errorcode: 401, errortext: 'unable to verify user credentials and/or request signature' });
    }
    expect(cloud.counts().refused401).toBe(Object.keys(cases).length);
  });

  it('a correctly signed but expired request is refused; a malformed expires too', async () => {
    const { cloud } = await setup();
    const sign = (expires: string) => {
      const p: Record<string, string> = { command: 'listZones', response: 'json', apiKey: 'dinfra-api-key', signatureVersion: '3', expires };
      return new URLSearchParams({ ...p, signature: signParams(p, 'dinfra-secret-key') }).toString();
    };
    expect((await post(cloud.url, sign('2020-01-01T00:00:00+0000'))).status).toBe(401);
    expect((await post(cloud.url, sign('next week'))).status).toBe(401);
    expect((await post(cloud.url, sign('2099-01-01T00:00:00+0000'))).status).toBe(200);
  });

  it('a command CloudStack does not have fails the check (401); a real one it does not model is 432', async () => {
    const { user, cloud } = await setup();
    expect((await post(cloud.url, user.signedBody('makeMeASandwich'))).status).toBe(401);
    const r = await post(cloud.url, user.signedBody('listAccounts'));
    expect(r.status).toBe(432);
    expect(r.inner.errorcode).toBe(432);
  });

  it('takes GET query strings and POST bodies alike; the first value of a repeated name wins', async () => {
    const { user, cloud } = await setup();
    expect((await fetch(`${cloud.url}?${user.signedBody('listZones')}`)).status).toBe(200);
    const body = user.signedBody('listVirtualMachines', { name: 'a' });
    expect((await post(`${cloud.url}?name=a`, body.replace('name=a', 'name=zzz'))).status).toBe(200);
    expect((await post(`${cloud.url}?name=zzz`, body)).status).toBe(401);
  });
});

describe('CloudStack emulator: commands', () => {
  it('431 for a missing or invalid parameter, with the server\'s wording', async () => {
    const { user, cloud, base } = await setup();
    let r = await post(cloud.url, user.signedBody('deployVirtualMachine', { zoneid: base.zoneid, templateid: base.templateid }));
    expect(r).toMatchObject({ status: 431, inner: { errorcode: 431, cserrorcode: 4350, errortext: 'Unable to execute API command deployvirtualmachine due to missing parameter serviceofferingid' } });
    r = await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, zoneid: 'nope' }));
    expect(r.status).toBe(431);
    r = await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: '-bad-' }));
    expect(r.status).toBe(431);
    r = await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, userdata: 'not base64!' }));
    expect(r.inner.errortext).toBe('User data is not base64 encoded');
    r = await post(cloud.url, user.signedBody('listVirtualMachines', { pagesize: 10 }));
    expect(r.status).toBe(431);
    r = await post(cloud.url, user.signedBody('queryAsyncJobResult', { jobid: '00000000-0000-0000-0000-000000000000' }));
    expect(r.status).toBe(431);
    expect(cloud.counts().vmsCreated).toBe(0);
  });

  it('models VM states and async jobs: Starting -> Running, Stopping -> Stopped, destroy, reboot', async () => {
    const { user, cloud, base } = await setup({ jobDelayMs: 3_600_000 }); // jobs finish when released
    const d = await user.call<{ id: string; jobid: string }>('deployVirtualMachine', { ...base, name: 'web' });
    const state = () => cloud.state.vms.get(d.id)!.state;
    expect(state()).toBe('Starting');
    expect(await job(user, d.jobid)).toMatchObject({ jobstatus: 0, jobresultcode: 0 });
    cloud.state.releaseJobs();
    expect(await job(user, d.jobid)).toMatchObject({ jobstatus: 1, jobresult: { virtualmachine: { id: d.id, state: 'Running', name: 'web' } } });
    const stop = await user.call<{ jobid: string }>('stopVirtualMachine', { id: d.id });
    expect(state()).toBe('Stopping');
    cloud.state.releaseJobs();
    await job(user, stop.jobid);
    expect(state()).toBe('Stopped');
    expect((await post(cloud.url, user.signedBody('rebootVirtualMachine', { id: d.id }))).status).toBe(431);
    const des = await user.call<{ jobid: string }>('destroyVirtualMachine', { id: d.id });
    expect(await job(user, des.jobid)).toMatchObject({ jobstatus: 0 });
    cloud.state.releaseJobs();
    expect(await job(user, des.jobid)).toMatchObject({ jobstatus: 1 });
    expect(state()).toBe('Destroyed');
    expect(cloud.counts()).toMatchObject({ vmsCreated: 1, vmsDestroyed: 1, vmsExpunged: 0, vmsLive: 0, jobsPending: 0 });
    // a user does not see Destroyed VMs
    expect(await user.listAll('listVirtualMachines', 'virtualmachine')).toEqual([]);
  });

  it('expunge=true by an account that may not expunge: accepted, then the job fails with 530 "Account does not have permission for expunging"; per-account setting', async () => {
    const { user, admin, cloud, base } = await setup();
    const d = await user.call<{ id: string; jobid: string }>('deployVirtualMachine', { ...base, name: 'x' });
    const des = await user.call<{ jobid: string }>('destroyVirtualMachine', { id: d.id, expunge: true });
    expect(await job(user, des.jobid)).toMatchObject({ jobstatus: 2, jobresultcode: 530, jobresult: { errorcode: 530, errortext: 'Account does not have permission for expunging' } });
    expect(cloud.state.vms.get(d.id)!.state).toBe('Running');
    const des2 = await admin.call<{ jobid: string }>('destroyVirtualMachine', { id: d.id, expunge: true });
    expect(await job(admin, des2.jobid)).toMatchObject({ jobstatus: 1 });
    expect(cloud.counts()).toMatchObject({ vmsDestroyed: 1, vmsExpunged: 1, vmsLive: 0 });
    // the account's own setting
    cloud.state.accountByName('dinfra')!.mayExpunge = true;
    const e = await user.call<{ id: string; jobid: string }>('deployVirtualMachine', { ...base, name: 'y' });
    const des3 = await user.call<{ jobid: string }>('destroyVirtualMachine', { id: e.id, expunge: true });
    expect(await job(user, des3.jobid)).toMatchObject({ jobstatus: 1 });
    expect(cloud.counts().vmsExpunged).toBe(2);
    // the cloud-wide allow.user.expunge.recover.vm, unless the account says otherwise
    cloud.state.accountByName('dinfra')!.mayExpunge = undefined;
    cloud.state.options.allowUserExpunge = true;
    const f = await user.call<{ id: string; jobid: string }>('deployVirtualMachine', { ...base, name: 'z' });
    expect(await job(user, (await user.call<{ jobid: string }>('destroyVirtualMachine', { id: f.id, expunge: true })).jobid)).toMatchObject({ jobstatus: 1 });
    cloud.state.accountByName('dinfra')!.mayExpunge = false;
    const g = await user.call<{ id: string; jobid: string }>('deployVirtualMachine', { ...base, name: 'w' });
    expect(await job(user, (await user.call<{ jobid: string }>('destroyVirtualMachine', { id: g.id, expunge: true })).jobid)).toMatchObject({ jobstatus: 2, jobresult: { errorcode: 530 } });
  });

  it('user data: at most vm.userdata.max.length (32,768 by default) base64 characters; more only when raised and by POST', async () => {
    const { user, cloud, base } = await setup();
    const b64 = (n: number) => 'A'.repeat(n);
    expect((await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'a', userdata: b64(32_768) }))).status).toBe(200);
    let r = await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'b', userdata: b64(32_772) }));
    expect(r).toMatchObject({ status: 431 });
    expect(r.inner.errortext).toMatch(/vm\.userdata\.max\.length allows 32768/);
    cloud.state.options.userDataMaxLength = 1_048_576;
    expect((await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'b', userdata: b64(100_000) }))).status).toBe(200);
    // GET never carries more than the default, whatever the setting
    const get = await fetch(`${cloud.url}?${user.signedBody('deployVirtualMachine', { ...base, name: 'c', userdata: b64(32_772) })}`);
    expect(get.status).toBe(431);
    expect(cloud.counts().vmsCreated).toBe(2);
  });

  it('account VM limit: 535 by default, 532 when configured; a destroyed VM frees its slot', async () => {
    const { user, cloud, base } = await setup({ accounts: [{ name: 'dinfra', apiKey: 'dinfra-api-key', secretKey: 'dinfra-secret-key', maxVms: 1 }] });
    const a = await user.call<{ id: string }>('deployVirtualMachine', { ...base, name: 'a' });
    let r = await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'b' }));
    expect(r).toMatchObject({ status: 535, inner: { errorcode: 535, cserrorcode: 4370 } });
    cloud.state.options.limitErrorCode = 532;
    r = await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'b' }));
    expect(r.status).toBe(532);
    await user.call('destroyVirtualMachine', { id: a.id });
    await new Promise((res) => setTimeout(res, 5));
    await user.call('listZones'); // the clock moves on every request
    r = await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'b' }));
    expect(r.status).toBe(200);
    expect(cloud.counts().vmsCreated).toBe(2);
  });

  it('injected faults: the next N deploys fail (sync 530/431/535, or in the job with 533 leaving the VM in Error)', async () => {
    const { user, cloud, base } = await setup();
    cloud.failNext('deployVirtualMachine', { code: 530, count: 2, phase: 'sync' });
    expect((await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'a' }))).status).toBe(530);
    expect((await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'a' }))).status).toBe(530);
    expect((await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'a' }))).status).toBe(200);
    cloud.failNext('deployVirtualMachine', { code: 533 });
    const d = await user.call<{ id: string; jobid: string }>('deployVirtualMachine', { ...base, name: 'b' });
    expect(await job(user, d.jobid)).toMatchObject({ jobstatus: 2, jobresult: { errorcode: 533 } });
    expect(cloud.counts()).toMatchObject({ vmsCreated: 2, vmsInError: 1, vmsLive: 2 });
  });

  it('tags: createTags then listVirtualMachines by tags[0].key/value; a key set twice fails the job; names are unique among live VMs', async () => {
    const { user, cloud, base } = await setup();
    const d = await user.call<{ id: string }>('deployVirtualMachine', { ...base, name: 'vm-1' });
    await user.call('deployVirtualMachine', { ...base, name: 'vm-10' });
    const t = await user.call<{ jobid: string }>('createTags', { resourceids: d.id, resourcetype: 'UserVm', 'tags[0].key': 'dinfra:subscription', 'tags[0].value': '7' });
    expect(await job(user, t.jobid)).toMatchObject({ jobstatus: 1, jobresult: { success: true } });
    const tagged = await user.listAll<{ id: string }>('listVirtualMachines', 'virtualmachine', { 'tags[0].key': 'dinfra:subscription', 'tags[0].value': '7' });
    expect(tagged.map((v) => v.id)).toEqual([d.id]);
    expect(await user.listAll('listVirtualMachines', 'virtualmachine', { 'tags[0].key': 'dinfra:subscription', 'tags[0].value': '8' })).toEqual([]);
    // the name filter is a LIKE match, as on the server: callers must compare names exactly
    expect(await user.listAll('listVirtualMachines', 'virtualmachine', { name: 'vm-1' })).toHaveLength(2);
    const t2 = await user.call<{ jobid: string }>('createTags', { resourceids: d.id, resourcetype: 'UserVm', 'tags[0].key': 'dinfra:subscription', 'tags[0].value': '9' });
    expect(await job(user, t2.jobid)).toMatchObject({ jobstatus: 2, jobresult: { errorcode: 530 } });
    expect((await post(cloud.url, user.signedBody('deployVirtualMachine', { ...base, name: 'vm-1' }))).status).toBe(431);
    expect(cloud.counts().duplicateNames).toEqual([]);
  });

  it('several tags[i] pairs match a VM carrying ANY of them (the server ORs them), not all', async () => {
    const { user, base } = await setup();
    const tag = async (id: string, tags: Record<string, string>) => {
      const p: Record<string, string> = { resourceids: id, resourcetype: 'UserVm' };
      Object.entries(tags).forEach(([k, v], i) => { p[`tags[${i}].key`] = k; p[`tags[${i}].value`] = v; });
      await job(user, (await user.call<{ jobid: string }>('createTags', p)).jobid);
    };
    const a = await user.call<{ id: string }>('deployVirtualMachine', { ...base, name: 'a' });
    const b = await user.call<{ id: string }>('deployVirtualMachine', { ...base, name: 'b' });
    await user.call('deployVirtualMachine', { ...base, name: 'c' });
    await tag(a.id, { provider: 'p1', subscription: '1' });
    await tag(b.id, { provider: 'p1', subscription: '2' });
    const both = await user.listAll<{ id: string }>('listVirtualMachines', 'virtualmachine', { 'tags[0].key': 'provider', 'tags[0].value': 'p1', 'tags[1].key': 'subscription', 'tags[1].value': '1' });
    expect(both.map((v) => v.id).sort()).toEqual([a.id, b.id].sort());
    const either = await user.listAll<{ id: string }>('listVirtualMachines', 'virtualmachine', { 'tags[0].key': 'subscription', 'tags[0].value': '1', 'tags[1].key': 'subscription', 'tags[1].value': '2' });
    expect(either).toHaveLength(2);
  });
});
