import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CloudStackClient } from './client.ts';
import { CloudStackConfigError, loadCredentials, parseCloudStackConfig } from './config.ts';
import { EMULATOR_USER, emulatorConfig, startCloudStackEmulator, type CloudStackEmulator } from './emulator/index.ts';
import { resolveTargets } from './resolve.ts';

const good = emulatorConfig('https://cloud.example.com/client/api');
const fails = (input: unknown) => {
  try {
    parseCloudStackConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(CloudStackConfigError);
    expect((e as CloudStackConfigError).code).toBe('CLOUDSTACK_CONFIG_INVALID');
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('cloudstack config', () => {
  it('fills defaults', () => {
    expect(parseCloudStackConfig(good)).toMatchObject({ expunge: true, address: 'public-ip', rpcPort: 9944, defaultSize: 'medium', securityGroupIds: [] });
  });

  it('names the bad field', () => {
    expect(fails({ ...good, endpoint: 'not a url' })).toMatch(/^cloudstack\.endpoint: /);
    expect(fails({ ...good, zone: undefined })).toMatch(/^cloudstack\.zone: Required/);
    expect(fails({ ...good, serviceOfferings: {} })).toBe('cloudstack.serviceOfferings: at least one size');
    expect(fails({ ...good, securityGroupIds: ['web'] })).toMatch(/^cloudstack\.securityGroupIds\.0: a security group id/);
    expect(fails({ ...good, rpcPort: 0 })).toMatch(/^cloudstack\.rpcPort: /);
    expect(fails({ ...good, zoen: 'x' })).toMatch(/^cloudstack\.\(root\): Unrecognized key/);
  });

  it('refuses a secret key in the config file, without echoing it', () => {
    const msg = fails({ ...good, secretKey: 'very-secret-value' });
    expect(msg).toMatch(/^cloudstack\.secretKey: .*CLOUDSTACK_SECRET_KEY/);
    expect(msg).not.toContain('very-secret-value');
  });
});

describe('cloudstack credentials', () => {
  const config = parseCloudStackConfig(good);
  it('come from CLOUDSTACK_API_KEY / CLOUDSTACK_SECRET_KEY', () => {
    expect(loadCredentials(config, { CLOUDSTACK_API_KEY: 'k', CLOUDSTACK_SECRET_KEY: 's' })).toEqual({ apiKey: 'k', secretKey: 's' });
    expect(loadCredentials({ ...config, apiKey: 'inline' }, { CLOUDSTACK_API_KEY: 'k', CLOUDSTACK_SECRET_KEY: 's' }).apiKey).toBe('inline');
  });

  it('or from files, which win over the environment (trimmed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-keys-'));
    writeFileSync(join(dir, 'api'), 'file-key\n');
    writeFileSync(join(dir, 'secret'), '  file-secret\n');
    const c = { ...config, apiKeyFile: join(dir, 'api'), secretKeyFile: join(dir, 'secret') };
    expect(loadCredentials(c, { CLOUDSTACK_API_KEY: 'k', CLOUDSTACK_SECRET_KEY: 's' })).toEqual({ apiKey: 'file-key', secretKey: 'file-secret' });
    writeFileSync(join(dir, 'empty'), '\n');
    expect(() => loadCredentials({ ...c, secretKeyFile: join(dir, 'empty') }, {})).toThrow(/^cloudstack\.secretKeyFile: .* is empty$/);
    expect(() => loadCredentials({ ...c, secretKeyFile: join(dir, 'missing') }, {})).toThrow(/^cloudstack\.secretKeyFile: cannot read .* \(ENOENT\)$/);
  });

  it('a missing key names where to put it', () => {
    expect(() => loadCredentials(config, { CLOUDSTACK_SECRET_KEY: 's' })).toThrow(/^cloudstack\.apiKey: no API key/);
    expect(() => loadCredentials(config, { CLOUDSTACK_API_KEY: 'k' })).toThrow(/^cloudstack\.secretKeyFile: no secret key \(set CLOUDSTACK_SECRET_KEY/);
  });
});

describe('resolving names at start-up', () => {
  let cloud: CloudStackEmulator | undefined;
  afterEach(async () => cloud?.close());

  it('turns names into ids, and a name the account cannot see into an error naming the field', async () => {
    cloud = await startCloudStackEmulator();
    const client = new CloudStackClient({ endpoint: cloud.url, ...EMULATOR_USER });
    const t = await resolveTargets(client, parseCloudStackConfig(emulatorConfig(cloud.url, { templates: { polkadot: 'ubuntu-24.04' } })));
    expect(t).toEqual({
      zoneId: cloud.state.zones[0]!.id,
      templateIds: { default: cloud.state.templates[0]!.id, polkadot: cloud.state.templates[1]!.id },
      offeringIds: { small: cloud.state.offerings[0]!.id, medium: cloud.state.offerings[1]!.id, large: cloud.state.offerings[2]!.id, archive: cloud.state.offerings[2]!.id },
      networkId: cloud.state.networks[0]!.id,
    });
    const byId = await resolveTargets(client, parseCloudStackConfig(emulatorConfig(cloud.url, { zone: cloud.state.zones[0]!.id })));
    expect(byId.zoneId).toBe(cloud.state.zones[0]!.id);
    await expect(resolveTargets(client, parseCloudStackConfig(emulatorConfig(cloud.url, { template: 'windows' })))).rejects.toThrow(
      'cloudstack.template: "windows" not found (the account sees: debian-12-cloudinit, ubuntu-24.04)',
    );
    await expect(resolveTargets(client, parseCloudStackConfig(emulatorConfig(cloud.url, { serviceOfferings: { medium: 'xl' } })))).rejects.toThrow(/^cloudstack\.serviceOfferings\.medium: "xl" not found/);
    await expect(resolveTargets(client, parseCloudStackConfig(emulatorConfig(cloud.url, { network: 'other' })))).rejects.toThrow(/^cloudstack\.network: /);
  });
});
