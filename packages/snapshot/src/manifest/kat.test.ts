// Known-answer vector of runtime-specs/snapshot-manifest.md: fixed keys -> fixed bytes -> a fixed
// signature that verifies. A change to the encoding or the signing message breaks this file.
import { createHash } from 'node:crypto';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, sr25519PairFromSeed, sr25519Sign } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { ManifestFormatError, ManifestSignatureError } from '../errors.ts';
import { encodeUnsigned } from './codec.ts';
import { openManifest, signManifest } from './sign.ts';
import type { ManifestBody } from './types.ts';

const sha = (s: string) => new Uint8Array(createHash('sha256').update(s).digest());
const SEED = new Uint8Array(32).fill(0x11);
const PUBLIC = '0x50780547322a1ceba67ea8c552c9bc6c686f8698ac9a8cafab7cd15a1db19859';
const UNSIGNED =
  '44534e4d012c446576656c6f706d656e74aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaad2040000bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb00010000002c64696e6672612d6e6f646514302e312e30020010000000d2496b00000000800c536b000000000004000000081c43555252454e54050000000000000036bbe50ed96841d10443bcb670d6554f0a34b761be67ec9c4a8ad2c0c44ca42c0888d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f0315893f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea104c4f434b0000000000000000e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550008016468747470733a2f2f736e61702e6578616d706c652f6465762f02b8516d5437387a5375426d7553347a393235575a66727151317148614a35364451615466794d55463746386666356fcccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc50780547322a1ceba67ea8c552c9bc6c686f8698ac9a8cafab7cd15a1db19859';
const ID = '0xa441a5a2cd384290a0ff3b3f59a7cb972aa2d9c21047b0f834fd0cd76caaa9d2';
const SIGNATURE =
  '0x1805733a58abe96275bddf85fe423732de320754bcdab7c6a12c3c5450c0d946589c7857eb3f559d055c90a1558d4924979b2eb8b51ef86c43b032712b545687';

function katBody(): ManifestBody {
  return {
    chain: 'Development',
    genesisHash: new Uint8Array(32).fill(0xaa),
    blockNumber: 1234,
    blockHash: new Uint8Array(32).fill(0xbb),
    database: { kind: 'dinfra-leveldb', layoutVersion: 1 },
    node: { name: 'dinfra-node', version: '0.1.0' },
    pruning: { kind: 'constrained', blocks: 4096 },
    createdAt: 1_800_000_000,
    validUntil: 1_800_604_800,
    previous: undefined,
    chunkSize: 4,
    files: [
      { path: 'CURRENT', size: 5, sha256: sha('abcde'), chunks: [sha('abcd'), sha('e')] },
      { path: 'LOCK', size: 0, sha256: sha(''), chunks: [] },
    ],
    mirrors: [
      { kind: 'http', url: 'https://snap.example/dev/' },
      { kind: 'ipfs', cid: 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o' },
    ],
    provider: new Uint8Array(32).fill(0xcc),
    signer: hexToU8a(PUBLIC),
  };
}

describe('snapshot manifest known-answer vector', () => {
  it('fixed seed -> fixed public key', async () => {
    await cryptoWaitReady();
    expect(u8aToHex(sr25519PairFromSeed(SEED).publicKey)).toBe(PUBLIC);
  });

  it('fixed body -> fixed unsigned bytes and id', async () => {
    expect(Buffer.from(encodeUnsigned(katBody())).toString('hex')).toBe(UNSIGNED);
    const m = await openManifest(u8aConcat(hexToU8a('0x' + UNSIGNED), hexToU8a(SIGNATURE)));
    expect(u8aToHex(m.id)).toBe(ID);
    expect(m.body).toEqual(katBody());
  });

  it('the fixed signature verifies; a fresh one (sr25519 is randomized) verifies too', async () => {
    await cryptoWaitReady();
    const kp = sr25519PairFromSeed(SEED);
    const fresh = await signManifest(katBody(), { publicKey: kp.publicKey, sign: (msg) => sr25519Sign(msg, kp) });
    expect(u8aToHex(fresh.id)).toBe(ID);
    await expect(openManifest(fresh.bytes)).resolves.toBeTruthy();
  });

  it('one flipped bit anywhere in body or signature is refused', async () => {
    const good = u8aConcat(hexToU8a('0x' + UNSIGNED), hexToU8a(SIGNATURE));
    let format = 0;
    let signature = 0;
    for (let i = 5; i < good.length; i += 7) {
      const bad = good.slice();
      bad[i]! ^= 0x01;
      const err = await openManifest(bad).then(() => undefined, (e: unknown) => e);
      if (err instanceof ManifestFormatError) format++;
      else if (err instanceof ManifestSignatureError) signature++;
      else throw new Error(`bit flip at byte ${i} was accepted`);
    }
    console.log(`bit flips refused: ${format} as format errors, ${signature} as bad signatures`);
    expect(signature).toBeGreaterThan(20);
  });

  it('refuses other magic, other versions, trailing bytes, unsafe paths and wrong chunk counts', async () => {
    const good = u8aConcat(hexToU8a('0x' + UNSIGNED), hexToU8a(SIGNATURE));
    const other = good.slice();
    other[4] = 2;
    await expect(openManifest(other)).rejects.toThrow(/version 2 is not supported/);
    await expect(openManifest(good.slice(1))).rejects.toThrow(/magic/);
    expect(() => encodeUnsigned({ ...katBody(), files: [{ path: '../etc/passwd', size: 0, sha256: sha(''), chunks: [] }] })).toThrow(/relative path/);
    expect(() => encodeUnsigned({ ...katBody(), files: [{ path: 'a', size: 9, sha256: sha(''), chunks: [] }] })).toThrow(/expected 3/);
    expect(() => encodeUnsigned({ ...katBody(), files: [...katBody().files].reverse() })).toThrow(/sorted/);
  });
});
