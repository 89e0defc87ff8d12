/**
 * Acceptance: a `cloud-init` subscription on the CloudStack backend (real dev node, OGate and
 * dinfra-reactor, the emulator as the cloud) ends Running with the endpoint its descriptor
 * declares and is billed; one whose declared port never opens ends Failed{reason} after the
 * probe limit (the award lost with that reason, the VM destroyed).
 */
import { emulatorConfig, startCloudStackEmulator, type CloudStackEmulator } from '@dinfra/reactor-sdk/cloudstack-emulator';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/ogate.ts';
import { outcome, PRICE, startCloudInitWorld, startCloudReactor, subscribeBoth, type CloudInitWorld } from '../support/cloud-init-acceptance.ts';
import { REACTOR_BIN, until } from '../reactor/support.ts';

let w: CloudInitWorld | undefined;
let cloud: CloudStackEmulator | undefined;
let reactor: Awaited<ReturnType<typeof startCloudReactor>> | undefined;

beforeAll(async () => {
  [w, cloud] = await Promise.all([startCloudInitWorld(), startCloudStackEmulator({ jobDelayMs: 100 })]);
});
afterAll(async () => {
  await reactor?.kill();
  await cloud?.close();
  await w?.close();
});

describe('cloud-init on dinfra-reactor --backend cloudstack', () => {
  it('Running with the declared tcp:// endpoint and billed; a port that never opens: Failed{reason}', async () => {
    reactor = await startCloudReactor(w!, 'cloudstack', emulatorConfig(cloud!.url, { endpointHost: '127.0.0.1' }), { CLOUDSTACK_API_KEY: 'dinfra-api-key', CLOUDSTACK_SECRET_KEY: 'dinfra-secret-key' });
    const ids = await subscribeBoth(w!);
    const r = await outcome(w!, ids, reactor.out);
    expect(r.running.endpoints).toEqual([`tcp://127.0.0.1:${w!.openPort}`]);
    expect(r.billing.pricePerBlock).toBe(PRICE);
    expect(r.billing.settledTo).toBeGreaterThan(0); // billing started at the Running report
    expect(r.billing.expiresAt).toBeGreaterThan(r.billing.settledTo!);
    expect(r.failed.lossReason).toMatch(new RegExp(`^never became ready after \\d+ probes: tcp://127\\.0\\.0\\.1:${w!.closedPort}: no TCP connection`));
    const vms = [...cloud!.state.vms.values()];
    const tagged = (id: string) => vms.filter((v) => v.tags.some((t) => t.key === 'dinfra:subscription' && t.value === id));
    expect(tagged(ids[0]).filter((v) => cloud!.state.isLive(v))).toHaveLength(1);
    expect(tagged(ids[0])[0]!.tags.find((t) => t.key === 'dinfra:ports')?.value).toBe(`tcp:${w!.openPort}`);
    await until('the failed one\'s VM destroyed', () => tagged(ids[1]).every((v) => !cloud!.state.isLive(v)), 60_000);
  }, 420_000);

  it('refuses to start when the chain its VMs would follow is OGate\'s loopback --url, naming the field to set', () => {
    const deploysBefore = cloud!.counts().calls.deployVirtualMachine ?? 0;
    const dir = tempDir('dinfra-ci-loopback-');
    const file = join(dir, 'reactor.json');
    writeFileSync(file, JSON.stringify({ backends: { cloudstack: emulatorConfig(cloud!.url) } }));
    const r = spawnSync(process.execPath, [REACTOR_BIN, '--ogate', w!.m.og.url, '--token', w!.token, '--data-dir', join(dir, 'data'), '--listen', '127.0.0.1:0', '--config', file, '--backend', 'cloudstack'], {
      encoding: 'utf8', timeout: 60_000, env: { ...process.env, CLOUDSTACK_API_KEY: 'dinfra-api-key', CLOUDSTACK_SECRET_KEY: 'dinfra-secret-key' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^dinfra-reactor: chains\.dinfra\.public\.rpcUrl: ws:\/\/127\.0\.0\.1:\d+ \(OGate's chain URL/m);
    expect(cloud!.counts().calls.deployVirtualMachine ?? 0).toBe(deploysBefore);
  }, 120_000);
});
