import { describe, expect, it } from 'vitest';
import { pairFromSuri, resolveSigner } from './keys.ts';
import { KeyError } from './errors.ts';

const MNEMONIC = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

describe('pairFromSuri', () => {
  it('accepts dev URIs, mnemonics with paths, and hex seeds', async () => {
    expect((await pairFromSuri('//Alice')).address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    expect((await pairFromSuri(`${MNEMONIC}//Alice`)).address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    expect((await pairFromSuri('0x' + '11'.repeat(32))).address).toMatch(/^5/);
    expect((await pairFromSuri('//Alice', 'ed25519')).address).toBe('5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu');
  });

  it('refuses anything else without showing it', async () => {
    for (const bad of ['Alice', 'not a valid secret at all', '0x1234', 'bottom drive obey lake curtain smoke basket hold race lonely fit fit']) {
      const err = await pairFromSuri(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KeyError);
      expect((err as Error).message).not.toContain(bad);
    }
  });
});

describe('resolveSigner', () => {
  it('takes --suri, then DINFRA_SURI, and says how to give a key when there is none', async () => {
    expect((await resolveSigner({ suri: '//Bob', env: { DINFRA_SURI: '//Alice' } })).address).toBe('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty');
    expect((await resolveSigner({ env: { DINFRA_SURI: '//Alice' } })).address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    await expect(resolveSigner({ env: {} })).rejects.toThrow(/no key was given: give --suri, set DINFRA_SURI, or give --keystore FILE/);
    await expect(resolveSigner({ suri: '//A', keystore: 'f.json', env: {} })).rejects.toThrow(/either --suri or --keystore/);
  });
});
