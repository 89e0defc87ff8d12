import { describe, expect, it } from 'vitest';
import { contentMatchesCid, fileCid, isCid, rawCid } from './cid.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('cid', () => {
  it('gives Kubo\'s CIDv0 for `ipfs add` (golden value)', async () => {
    expect(await fileCid(bytes('hello world\n'))).toBe('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o');
  });

  it('chunks files over 256 KiB like Kubo (balanced dag-pb root)', async () => {
    const big = new Uint8Array(300_000).fill(97);
    const cid = await fileCid(big);
    expect(cid).toMatch(/^Qm[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(cid).not.toBe(await fileCid(big.subarray(0, 262_144)));
  });

  it('gives the raw CIDv1 deployment type schemas are addressed by', async () => {
    // sha2-256 of "hello world\n" as a raw block.
    expect(await rawCid(bytes('hello world\n'))).toBe('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4');
  });

  it('recognises CIDs', () => {
    expect(isCid('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o')).toBe(true);
    expect(isCid('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4')).toBe(true);
    expect(isCid('./descriptor.json')).toBe(false);
    expect(isCid('QmNotACid')).toBe(false);
  });

  it('matches content against a CID of either form', async () => {
    const c = bytes('{"a":1}\n');
    expect(await contentMatchesCid(c, await rawCid(c))).toBe(true);
    expect(await contentMatchesCid(c, await fileCid(c))).toBe(true);
    expect(await contentMatchesCid(bytes('other'), await fileCid(c))).toBe(false);
  });
});
