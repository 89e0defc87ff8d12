import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dinfra, json } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'dinfra-keys-'));
const MNEMONIC = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

describe('dinfra keys', () => {
  it('generate prints a new mnemonic once, or only writes an encrypted keystore', async () => {
    const out = join(dir, 'new.json');
    const [printed, written] = await Promise.all([
      dinfra(['keys', 'generate', '--words', '24', '--json']),
      dinfra(['keys', 'generate', '--scheme', 'ed25519', '--out', out, '--name', 'ops', '--json'], { DINFRA_NEW_PASSWORD: 'pw' }),
    ]);
    expect(printed.code, printed.stderr).toBe(0);
    const p = json(printed);
    expect((p.mnemonic as string).split(' ')).toHaveLength(24);
    expect(p.address).toMatch(/^5/);
    expect(printed.stderr).toMatch(/Write the mnemonic down/);
    expect(written.code, written.stderr).toBe(0);
    const w = json(written);
    expect(w.mnemonic).toBeUndefined();
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(out, 'utf8')) as { address: string; encoding: { content: string[]; type: string[] }; meta: { name: string } };
    expect(file).toMatchObject({ address: w.address, encoding: { content: ['pkcs8', 'ed25519'], type: ['scrypt', 'xsalsa20-poly1305'] }, meta: { name: 'ops' } });
  });

  it('import writes a keystore that signs; inspect and export show no secret', async () => {
    const out = join(dir, 'alice.json');
    const imp = await dinfra(['keys', 'import', '--out', out, '--json'], { DINFRA_SURI: `${MNEMONIC}//Alice`, DINFRA_NEW_PASSWORD: 'secret pw' });
    expect(imp.code, imp.stderr).toBe(0);
    expect(json(imp).address).toBe(ALICE);

    const [inspectFile, decrypt, wrong, again, exported] = await Promise.all([
      dinfra(['keys', 'inspect', out, '--json']),
      dinfra(['keys', 'inspect', '--keystore', out, '--json'], { DINFRA_PASSWORD: 'secret pw' }),
      dinfra(['keys', 'inspect', '--keystore', out], { DINFRA_PASSWORD: 'wrong' }),
      dinfra(['keys', 'import', '--out', out], { DINFRA_SURI: '//Bob', DINFRA_NEW_PASSWORD: 'x' }),
      dinfra(['keys', 'export', '--name', 'alice'], { DINFRA_SURI: '//Alice', DINFRA_NEW_PASSWORD: 'apps pw' }),
    ]);
    expect(json(inspectFile)).toMatchObject({ address: ALICE, scheme: 'sr25519', encrypted: true });
    expect(json(decrypt)).toMatchObject({ address: ALICE, source: out });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/cannot decrypt keystore .*alice\.json: wrong password/);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/alice\.json exists: not overwritten/);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ address: ALICE, meta: { name: 'alice' }, encoding: { type: ['scrypt', 'xsalsa20-poly1305'] } });
    for (const r of [imp, inspectFile, decrypt, wrong, exported]) expect(r.stdout + r.stderr).not.toMatch(/bottom drive|secret pw|apps pw/);
  });

  it('asks for a password only on a terminal', async () => {
    const r = await dinfra(['keys', 'inspect', '--keystore', join(dir, 'alice.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needed but there is no terminal to ask on: set DINFRA_PASSWORD/);
  });
});
