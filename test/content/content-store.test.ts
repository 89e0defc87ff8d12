// One ContentStore suite, run against both adapters: the embedded store (a directory) and a
// REAL Kubo daemon (`ipfs daemon --offline`, built by `node scripts/peers.mjs kubo`). CIDs are
// cross-checked against that daemon's own `ipfs add -Q` and Debian's `ipfs_cid`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cidOf, cidV1Of, openContentStore, rawCid, type ContentStore } from '@dinfra/content';
import { peer } from '../support/peers.ts';
import { startKubo, type RunningKubo } from '../support/kubo.ts';
import { CHUNK, FANOUT, embeddedBlockPath, kuboBlockPath, pseudoRandomBytes } from './data.ts';

const kuboBin = peer('kubo');
const ipfsCidBin = peer('ipfs-cid');
const enc = (s: string) => new TextEncoder().encode(s);
const GOLDEN = 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o';
/** More than FANOUT chunks: the balanced layout needs a second level of dag-pb nodes. */
const HUGE = FANOUT * CHUNK + CHUNK + 7;

interface Adapter {
  store: ContentStore;
  /** Overwrites the stored block of `cid` with other bytes, as a bad disk would. */
  tamper(cid: string, bytes: Uint8Array): void;
  /** The original bytes of a stored block. */
  block(cid: string): Uint8Array;
  /** Deletes one block of the file `root` from the store. */
  removeBlock(root: string, cid: string): Promise<void>;
  /** `ipfs add -Q [...flags] FILE` by the real daemon (Kubo adapter only). */
  kuboAdd?(file: string, flags?: string[]): Promise<string>;
  stop(): Promise<void>;
}

const adapters: { name: string; skip: boolean; open: () => Promise<Adapter> }[] = [
  {
    name: 'embedded',
    skip: false,
    async open() {
      const repo = mkdtempSync(join(tmpdir(), 'dinfra-content-'));
      const store = await openContentStore({ ipfsRepo: repo });
      return {
        store,
        tamper: (cid, bytes) => writeFileSync(embeddedBlockPath(repo, cid), bytes),
        block: (cid) => readFileSync(embeddedBlockPath(repo, cid)),
        removeBlock: async (_root, cid) => rmSync(embeddedBlockPath(repo, cid)),
        async stop() {
          await store.close();
          rmSync(repo, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'kubo',
    skip: !kuboBin,
    async open() {
      const kubo: RunningKubo = await startKubo({ bin: kuboBin! });
      const store = await openContentStore({ ipfsApi: kubo.apiUrl });
      return {
        store,
        tamper: (cid, bytes) => writeFileSync(kuboBlockPath(kubo.ipfsPath, cid), bytes),
        block: (cid) => readFileSync(kuboBlockPath(kubo.ipfsPath, cid)),
        async removeBlock(root, cid) {
          await kubo.ipfs(['pin', 'rm', root]);
          await kubo.ipfs(['block', 'rm', cid]);
        },
        kuboAdd: async (file, flags = []) => (await kubo.ipfs(['add', '-Q', ...flags, file])).trim(),
        async stop() {
          await store.close();
          await kubo.stop();
        },
      };
    },
  },
];

function ipfsCid(file: string): Promise<{ CIDv0: string }> {
  return new Promise((resolve, reject) =>
    execFile(ipfsCidBin!, [file], { encoding: 'utf8' }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout) as { CIDv0: string }))),
  );
}

for (const a of adapters) {
  describe.skipIf(a.skip)(`ContentStore (${a.name})`, () => {
    let ad: Adapter;
    let dir: string;
    beforeAll(async () => {
      ad = await a.open();
      dir = mkdtempSync(join(tmpdir(), 'dinfra-content-files-'));
    });
    afterAll(async () => {
      await ad?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('adds and gets back the same bytes under the `ipfs add` CID (golden: hello world)', async () => {
      const cid = await ad.store.add(enc('hello world\n'));
      expect(cid).toBe(GOLDEN);
      expect(new TextDecoder().decode(await ad.store.get(cid))).toBe('hello world\n');
      const doc = enc(JSON.stringify({ type: 'substrate-node', role: 'rpc', chain: 'polkadot', version: '1.0.0' }));
      expect(await ad.store.get(await ad.store.add(doc))).toEqual(doc);
    });

    it.each([
      ['empty', 0],
      ['one byte', 1],
      ['exactly one chunk', CHUNK],
      ['one chunk and a byte', CHUNK + 1],
      ['about 1 MB', 1_000_003],
      [`more than ${FANOUT} chunks`, HUGE],
    ])('CIDs agree with Kubo `ipfs add -Q` and Debian ipfs_cid, and round-trip: %s', async (_, size) => {
      const bytes = pseudoRandomBytes(size, size + 11);
      const file = join(dir, `f${size}`);
      writeFileSync(file, bytes);
      const cid = await ad.store.add(bytes);
      expect(cid).toBe(await cidOf(bytes));
      if (ad.kuboAdd) expect(await ad.kuboAdd(file)).toBe(cid);
      if (ipfsCidBin) expect((await ipfsCid(file)).CIDv0).toBe(cid);
      const back = await ad.store.get(cid, { maxBytes: size });
      expect(back.length).toBe(size);
      expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);
    });

    it.each([
      ['one chunk: a raw block, as type schemas are addressed', 5_000],
      ['several chunks: dag-pb over raw leaves', 3 * CHUNK + 3],
    ])('CIDv1 (`ipfs add --cid-version=1`) adds and round-trips: %s', async (_, size) => {
      const bytes = pseudoRandomBytes(size, 7 + size);
      const file = join(dir, `v1-${size}`);
      writeFileSync(file, bytes);
      const cid = await ad.store.add(bytes, { cidVersion: 1 });
      expect(cid).toBe(await cidV1Of(bytes));
      if (size < CHUNK) expect(cid).toBe(await rawCid(bytes));
      else expect(cid).toMatch(/^bafybei/);
      if (ad.kuboAdd) expect(await ad.kuboAdd(file, ['--cid-version=1'])).toBe(cid);
      expect(Buffer.compare(Buffer.from(await ad.store.get(cid, { maxBytes: size })), Buffer.from(bytes))).toBe(0);
    });

    it('refuses content over maxBytes (ContentTooLargeError), also for a multi-chunk file', async () => {
      const small = await ad.store.add(enc('0123456789'));
      await expect(ad.store.get(small, { maxBytes: 9 })).rejects.toMatchObject({ name: 'ContentTooLargeError', code: 'CONTENT_TOO_LARGE' });
      expect((await ad.store.get(small, { maxBytes: 10 })).length).toBe(10);
      const big = await ad.store.add(pseudoRandomBytes(3 * CHUNK, 5));
      await expect(ad.store.get(big, { maxBytes: 2 * CHUNK })).rejects.toMatchObject({ code: 'CONTENT_TOO_LARGE' });
    });

    it('a CID in neither store is not found within timeoutMs (ContentNotFoundError)', async () => {
      const absent = await cidOf(enc(`never added ${a.name}`));
      await expect(ad.store.get(absent, { timeoutMs: 3_000 })).rejects.toMatchObject({ name: 'ContentNotFoundError', code: 'CONTENT_NOT_FOUND' });
    });

    it('a file with a missing inner block is not found (ContentNotFoundError naming the block)', async () => {
      const bytes = pseudoRandomBytes(2 * CHUNK + 1, 99);
      const cid = await ad.store.add(bytes);
      const leaf = await cidOf(bytes.subarray(CHUNK, 2 * CHUNK));
      await ad.removeBlock(cid, leaf);
      const err = await ad.store.get(cid, { maxBytes: bytes.length, timeoutMs: 3_000 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'ContentNotFoundError', code: 'CONTENT_NOT_FOUND' });
      expect((err as Error).message).toContain(leaf);
    });

    it('bytes on disk that do not match the CID are refused (CidMismatchError): a one-block file', async () => {
      const cid = await ad.store.add(enc('the original descriptor\n'));
      const original = ad.block(cid);
      const forged = Uint8Array.from(original);
      forged[forged.length - 3]! ^= 0x01; // still a well-formed dag-pb node, other text
      ad.tamper(cid, forged);
      await expect(ad.store.get(cid)).rejects.toMatchObject({ name: 'CidMismatchError', code: 'CID_MISMATCH' });
      ad.tamper(cid, original);
      expect(new TextDecoder().decode(await ad.store.get(cid))).toBe('the original descriptor\n');
    });

    it('a tampered leaf of a multi-chunk file is refused (CidMismatchError naming the block)', async () => {
      const bytes = pseudoRandomBytes(2 * CHUNK + 10, 42);
      const cid = await ad.store.add(bytes);
      // The first leaf: the CID of the first chunk imported alone as a one-chunk file.
      const leaf = await cidOf(bytes.subarray(0, CHUNK));
      const original = ad.block(leaf);
      const forged = Uint8Array.from(original);
      forged[100]! ^= 0xff;
      ad.tamper(leaf, forged);
      const err = await ad.store.get(cid, { maxBytes: bytes.length }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'CID_MISMATCH' });
      expect((err as Error).message).toContain(leaf);
      ad.tamper(leaf, original);
      expect((await ad.store.get(cid, { maxBytes: bytes.length })).length).toBe(bytes.length);
    });

    it.each([
      ['a path', './descriptor.json'],
      ['a short Qm', 'QmNotACid'],
      ['bad base58', 'Qm0000000000000000000000000000000000000000000O'],
      ['a dag-cbor CID', 'bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'],
      ['an empty string', ''],
    ])('refuses an invalid CID (InvalidCidError): %s', async (_, text) => {
      await expect(ad.store.get(text)).rejects.toMatchObject({ name: 'InvalidCidError', code: 'INVALID_CID' });
    });
  });
}

describe.skipIf(!kuboBin)('ContentStore (kubo): content added with other import settings', () => {
  let kubo: RunningKubo;
  let store: ContentStore;
  beforeAll(async () => {
    kubo = await startKubo({ bin: kuboBin! });
    store = await openContentStore({ ipfsApi: kubo.apiUrl });
  });
  afterAll(async () => {
    await store?.close();
    await kubo?.stop();
  });

  it.each([
    ['a 1000-byte chunker', ['--chunker=size-1000']],
    ['the trickle layout', ['--trickle']],
    ['CIDv1 without raw leaves', ['--cid-version=1', '--raw-leaves=false']],
    ['raw leaves under CIDv0', ['--raw-leaves']],
  ])('is read and verified block by block: %s', async (_, flags) => {
    const bytes = pseudoRandomBytes(300_000, flags.length * 31 + flags[0]!.length);
    const cid = (await kubo.ipfs(['add', '-Q', ...flags], bytes)).trim();
    expect(cid).not.toBe(await cidOf(bytes));
    expect(Buffer.compare(Buffer.from(await store.get(cid)), Buffer.from(bytes))).toBe(0);
  });
});
