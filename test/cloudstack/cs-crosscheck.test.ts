// The emulator's request check against an independent signer CloudStack users use: `cs` (PyPI,
// exoscale/cs 5.2.0). What cs signs must be accepted, by GET and by POST; what was tampered
// with after cs signed it (signature, a parameter, an expired request) must be refused with 401.
import { execFile } from 'node:child_process';
import { signParams } from '@dinfra/reactor-sdk/cloudstack';
import { startCloudStackEmulator, type CloudStackEmulator } from '@dinfra/reactor-sdk/cloudstack-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { peer } from '../support/peers.ts';

const csBin = peer('cs');

interface CsRun {
  readonly code: number;
  readonly out: unknown;
  /** With --trace: the request line (`GET <url>` or `POST <url>`) and the form body. */
  readonly method?: string;
  readonly url?: string;
  readonly body?: string;
}

describe.skipIf(!csBin)('cs (PyPI) against the CloudStack emulator', () => {
  let cloud: CloudStackEmulator;
  beforeAll(async () => {
    cloud = await startCloudStackEmulator({ jobDelayMs: 20, userDataMaxLength: 1_048_576 }); // vm.userdata.max.length raised: POST takes 80 KB
  });
  afterAll(async () => cloud?.close());
  let refusedBefore = 0;
  beforeEach(() => {
    refusedBefore = cloud.counts().refused401;
  });

  function cs(args: string[], env: Record<string, string> = {}): Promise<CsRun> {
    return new Promise((resolve) => {
      const child = execFile(csBin!, ['--trace', ...args], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CLOUDSTACK_ENDPOINT: cloud.url, CLOUDSTACK_KEY: 'dinfra-api-key', CLOUDSTACK_SECRET: 'dinfra-secret-key', CLOUDSTACK_POLL_INTERVAL: '0.05', ...env },
        timeout: 60_000,
      }, (err, stdout, stderr) => {
        const lines = stderr.split('\n');
        const req = lines.find((l) => /^(GET|POST) http/.test(l));
        const [method, url] = req ? req.split(' ') : [];
        // the POST body is the first line after the headers' blank line
        const body = method === 'POST' ? lines[lines.indexOf(req!) + 3] : undefined;
        let out: unknown;
        try {
          out = JSON.parse(stdout);
        } catch {
          out = stdout;
        }
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out, method, url, body });
      });
      child.stdin?.end();
    });
  }

  const replay = async (r: CsRun, change: (s: string) => string = (s) => s): Promise<number> => {
    const res = r.method === 'POST'
      ? await fetch(r.url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: change(r.body!) })
      : await fetch(change(r.url!));
    return res.status;
  };

  it('accepts what cs signs, by GET and by POST, with values that need encoding', async () => {
    for (const mode of [[], ['--post']]) {
      const zones = await cs([...mode, 'listZones']);
      expect(zones.code, JSON.stringify(zones.out)).toBe(0);
      expect(zones.out).toMatchObject({ count: 1, zone: [{ name: 'zone1' }] });
      for (const name of ["a b*!'()", 'é/=&+?', 'x'.repeat(500)]) {
        const r = await cs([...mode, 'listVirtualMachines', `name=${name}`]);
        expect(r.code, `${mode.join('')} ${name}: ${JSON.stringify(r.out)}`).toBe(0);
      }
    }
    expect(cloud.counts().refused401).toBe(refusedBefore);
  });

  it('signs exactly as cs does (same parameters, same signature)', async () => {
    for (const mode of [[], ['--post']]) {
      const r = await cs([...mode, 'listVirtualMachines', "name=a b*!'()é", 'tags[0].key=k:1', 'tags[0].value=v/2']);
      const params = Object.fromEntries(new URLSearchParams(r.method === 'POST' ? r.body! : new URL(r.url!).search));
      const { signature, ...rest } = params;
      expect(signature).toBeTruthy();
      expect(signParams(rest, 'dinfra-secret-key')).toBe(signature);
    }
  });

  it('deploys with user data by POST (vm.userdata.max.length raised), waits for the job, tags and lists by tag (several pairs: ANY)', async () => {
    const s = cloud.state;
    const userdata = Buffer.from(`#cloud-config\n# ${'y'.repeat(60_000)}\n`).toString('base64');
    const vm = await cs(['--post', 'deployVirtualMachine', `zoneid=${s.zones[0]!.id}`, `templateid=${s.templates[0]!.id}`, `serviceofferingid=${s.offerings[0]!.id}`, 'name=cs-vm', `userdata=${userdata}`]);
    expect(vm.code, JSON.stringify(vm.out)).toBe(0);
    const id = (vm.out as { virtualmachine: { id: string; state: string } }).virtualmachine.id;
    expect((vm.out as { virtualmachine: { state: string } }).virtualmachine.state).toBe('Running');
    expect(s.vms.get(id)!.userdata).toBe(userdata);
    const tag = await cs(['createTags', `resourceids=${id}`, 'resourcetype=UserVm', 'tags[0].key=dinfra:subscription', 'tags[0].value=42 (test)']);
    expect(tag.code, JSON.stringify(tag.out)).toBe(0);
    const listed = await cs(['listVirtualMachines', 'tags[0].key=dinfra:subscription', 'tags[0].value=42 (test)']);
    expect(listed.out).toMatchObject({ count: 1, virtualmachine: [{ id, name: 'cs-vm' }] });
    const either = await cs(['listVirtualMachines', 'tags[0].key=dinfra:subscription', 'tags[0].value=other', 'tags[1].key=dinfra:subscription', 'tags[1].value=42 (test)']);
    expect(either.out).toMatchObject({ count: 1, virtualmachine: [{ id }] });
    expect(cloud.counts().refused401).toBe(refusedBefore);
  });

  it('refuses requests cs signed and someone altered: the signature, a parameter, an added parameter (GET and POST)', async () => {
    for (const mode of [[], ['--post']]) {
      const r = await cs([...mode, 'listVirtualMachines', 'name=web 1']);
      expect(r.code).toBe(0);
      expect(await replay(r)).toBe(200);
      // a signature starting with an encoded '+' or '/' (%2B, %2F) is altered too (this was a 1-in-16 flake)
      expect(await replay(r, (s) => s.replace(/signature=([^&])/, (_m, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`))).toBe(401);
      expect(await replay(r, (s) => s.replace('name=web', 'name=weB'))).toBe(200); // the signed string is lower-cased: case changes pass
      expect(await replay(r, (s) => s.replace('name=web', 'name=wab'))).toBe(401);
      expect(await replay(r, (s) => `${s}&listall=true`)).toBe(401);
      expect(await replay(r, (s) => s.replace(/expires=[^&]+/, 'expires=2099-01-01T00%3A00%3A00%2B0000'))).toBe(401);
    }
    expect(cloud.counts().refused401).toBe(refusedBefore + 8);
  });

  it('refuses a request cs signed once its expires has passed', async () => {
    const r = await cs(['listZones'], { CLOUDSTACK_EXPIRATION: '1' });
    expect(r.code).toBe(0);
    await new Promise((res) => setTimeout(res, 2200));
    expect(await replay(r)).toBe(401);
  });

  it('a wrong secret is refused', async () => {
    const r = await cs(['listZones'], { CLOUDSTACK_SECRET: 'wrong' });
    expect(r.out).toMatchObject({ listzonesresponse: { errorcode: 401 } });
  });

  it('follows Java\'s URLEncoder, not Python\'s quote: cs leaves "~" raw, so the server (and the emulator) refuse it', async () => {
    // cs 5.2.0 signs with urllib.parse.quote(safe="*"), which keeps "~"; ApiServer encodes it as %7E.
    const r = await cs(['listVirtualMachines', 'name=a~b']);
    expect(r.out).toMatchObject({ listvirtualmachinesresponse: { errorcode: 401 } });
  });
});
