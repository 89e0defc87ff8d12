import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../backend.ts';
import { parseCatalog } from '../../launch/catalog.ts';
import { backendRegistry, BackendConfigError, type BackendFactoryContext } from '../registry.ts';
import { CloudStackConfigError } from './config.ts';
import { emulatorConfig, startCloudStackEmulator, type CloudStackEmulator } from './emulator/index.ts';

const warned: string[] = [];
const log: Logger = { debug: () => {}, info: () => {}, warn: (o, m) => void warned.push(`${JSON.stringify(o)} ${m}`), error: () => {}, child: () => log };
const ctx = { provider: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', catalog: parseCatalog('chains: {}'), marketplace: () => undefined, log } as unknown as BackendFactoryContext;
const env = { ...process.env };
let cloud: CloudStackEmulator | undefined;
afterEach(async () => {
  process.env = { ...env };
  await cloud?.close();
  cloud = undefined;
});

describe('--backend cloudstack', () => {
  const factory = backendRegistry.cloudstack!;

  it('is registered; a bad config section names the field', async () => {
    await expect(factory.create({ ...emulatorConfig('http://127.0.0.1:9/client/api'), zone: '' }, ctx)).rejects.toThrow(new BackendConfigError('backend.zone: String must contain at least 1 character(s)'));
    const err = await factory.create({ ...emulatorConfig('http://127.0.0.1:9/client/api'), secretKey: 'shh-do-not-print' }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendConfigError);
    expect((err as Error).message).toBe('backend.secretKey: the secret key is not read from the config file; set CLOUDSTACK_SECRET_KEY or secretKeyFile');
  });

  it('needs the keys from the environment or files', async () => {
    delete process.env.CLOUDSTACK_API_KEY;
    delete process.env.CLOUDSTACK_SECRET_KEY;
    await expect(factory.create(emulatorConfig('http://127.0.0.1:9/client/api'), ctx)).rejects.toBeInstanceOf(CloudStackConfigError);
  });

  it('resolves names at start-up: a typo stops it, an unreachable cloud does not', async () => {
    cloud = await startCloudStackEmulator();
    process.env.CLOUDSTACK_API_KEY = 'dinfra-api-key';
    process.env.CLOUDSTACK_SECRET_KEY = 'dinfra-secret-key';
    const b = await factory.create(emulatorConfig(cloud.url), ctx);
    expect(b.name).toBe('cloudstack');
    expect(cloud.counts().calls).toMatchObject({ listZones: 1, listTemplates: 1, listServiceOfferings: 1, listNetworks: 1 });
    await expect(factory.create(emulatorConfig(cloud.url, { template: 'typo' }), ctx)).rejects.toThrow(/^cloudstack\.template: "typo" not found/);
    warned.length = 0;
    const late = await factory.create(emulatorConfig('http://127.0.0.1:9/client/api', { requestTimeoutSeconds: 2 }), ctx);
    expect(late.name).toBe('cloudstack');
    expect(warned.join('\n')).toContain('will retry at the first deployment');
    expect(warned.join('\n')).not.toContain('dinfra-secret-key');
  });
});
