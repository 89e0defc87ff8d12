import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, envName, loadConfig } from './index.ts';

const base = { url: 'ws://127.0.0.1:9944', suri: '//Bob', dataDir: '/tmp/x' };

describe('loadConfig', () => {
  it('merges file < env < flags and fills defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogate-cfg-'));
    const file = join(dir, 'ogate.yaml');
    writeFileSync(file, 'url: ws://file:1\nlisten: 0.0.0.0:1000\nbatchWindowMs: 50\n');
    const c = loadConfig({ file, env: { DINFRA_OGATE_LISTEN: '127.0.0.1:2000', DINFRA_OGATE_SURI: '//Env' }, flags: { dataDir: '/d', suri: '//Flag' } });
    expect(c).toMatchObject({ url: 'ws://file:1', listen: '127.0.0.1:2000', suri: '//Flag', dataDir: '/d', batchWindowMs: 50, mortalPeriod: 64, batchMaxCalls: 100 });
  });

  it('env names follow DINFRA_OGATE_<FIELD>', () => {
    expect(envName('descriptorTimeoutMs')).toBe('DINFRA_OGATE_DESCRIPTOR_TIMEOUT_MS');
    expect(loadConfig({ env: { DINFRA_OGATE_DESCRIPTOR_TIMEOUT_MS: '250' }, flags: base }).descriptorTimeoutMs).toBe(250);
  });

  it('names every bad field, with its flag and env name', () => {
    let err: unknown;
    try {
      loadConfig({ env: {}, flags: { ...base, url: 'http://nope', listen: 'localhost', batchMaxCalls: '500' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain('url: expected a ws:// or wss:// URL (flag --url, env DINFRA_OGATE_URL)');
    expect(msg).toContain('listen: expected HOST:PORT');
    expect(msg).toContain('batchMaxCalls');
    expect((err as ConfigError).fields.sort()).toEqual(['batchMaxCalls', 'listen', 'url']);
  });

  it('refuses a key and a keystore at once, a keystore without password, and unknown fields', () => {
    expect(() => loadConfig({ env: {}, flags: { ...base, keystore: '/k.json' } })).toThrow(/suri: give exactly one of suri or keystore/);
    expect(() => loadConfig({ env: {}, flags: { url: base.url, dataDir: '/d', keystore: '/k.json' } })).toThrow(/password: a keystore needs DINFRA_PASSWORD/);
    expect(loadConfig({ env: { DINFRA_PASSWORD: 'pw' }, flags: { url: base.url, dataDir: '/d', keystore: '/k.json' } }).password).toBe('pw');
    const dir = mkdtempSync(join(tmpdir(), 'ogate-cfg-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...base, lisen: '1:2' }));
    expect(() => loadConfig({ env: {}, file: join(dir, 'c.json') })).toThrow(/Unrecognized key\(s\) in object: 'lisen'/);
    expect(() => loadConfig({ env: {}, file: join(dir, 'missing.yaml') })).toThrow(/cannot read/);
  });
});
