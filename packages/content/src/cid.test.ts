import { describe, expect, it } from 'vitest';
import { cidOf, cidV1Of, contentMatchesCid, isCid, parseCid, rawCid } from './cid.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('cid', () => {
  it("gives Kubo's CIDv0 for `ipfs add` (golden value)", async () => {
    expect(await cidOf(bytes('hello world\n'))).toBe('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o');
  });

  it('chunks files over 256 KiB like Kubo (balanced dag-pb root; golden values from `ipfs add`)', async () => {
    // Golden values from a real `ipfs add --only-hash -Q FILE` (Kubo 0.43.1, default chunker).
    const big = new Uint8Array(300_000).fill(97); // two chunks
    expect(await cidOf(big)).toBe('QmYCTciJdFNMNUPCHSNS6dKMmUAqkGQ9tQQeGgbELhQQcn');
    const mixed = Uint8Array.from({ length: 1_048_577 }, (_, i) => (i * 31 + 7) & 255); // 4 full chunks + 1 byte
    expect(await cidOf(mixed)).toBe('QmaRNrA7eVwnm6NGGWLzz3BsoNBHxjNFNxiuECZi8dAQTe');
    expect(await cidOf(big)).not.toBe(await cidOf(big.subarray(0, 262_144)));
  });

  it('gives the raw CIDv1 deployment type schemas are addressed by', async () => {
    // sha2-256 of "hello world\n" as a raw block; also what `ipfs add --cid-version=1` gives for one chunk.
    expect(await rawCid(bytes('hello world\n'))).toBe('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4');
    expect(await cidV1Of(bytes('hello world\n'))).toBe('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4');
  });

  it('recognises CIDs by syntax', () => {
    expect(isCid('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o')).toBe(true);
    expect(isCid('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4')).toBe(true);
    expect(isCid('./descriptor.json')).toBe(false);
    expect(isCid('QmNotACid')).toBe(false);
  });

  it('parses fetchable CIDs and names what is wrong with others', async () => {
    expect((await parseCid('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o')).version).toBe(0);
    const v1 = await parseCid('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4');
    expect((await parseCid(v1.toString(await import('multiformats/bases/base36').then((m) => m.base36)))).equals(v1)).toBe(true);
    await expect(parseCid('bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy')).rejects.toThrow(/codec 0x71/);
    await expect(parseCid('nope')).rejects.toMatchObject({ code: 'INVALID_CID' });
  });

  it('matches content against a CID of either form', async () => {
    const c = bytes('{"a":1}\n');
    expect(await contentMatchesCid(c, await rawCid(c))).toBe(true);
    expect(await contentMatchesCid(c, await cidOf(c))).toBe(true);
    expect(await contentMatchesCid(c, (await parseCid(await cidOf(c))).toV1())).toBe(true);
    expect(await contentMatchesCid(bytes('other'), await cidOf(c))).toBe(false);
    expect(await contentMatchesCid(bytes('other'), await rawCid(c))).toBe(false);
  });
});

describe('@dinfra/content/light', () => {
  it('is the same implementation as the main entry point, without its heavy imports', async () => {
    const [light, main] = await Promise.all([import('./light.ts'), import('./index.ts')]);
    expect(light.cidOf).toBe(main.cidOf);
    expect(light.isSealed).toBe(main.isSealed);
    expect(light.contentMatchesCid).toBe(main.contentMatchesCid);
  });
});
