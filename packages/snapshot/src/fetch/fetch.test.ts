// Restores over real HTTP mirrors (in-process servers on 127.0.0.1) with injected faults.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffDirectory } from '../chunk/verify-dir.ts';
import { DiskFullError, ManifestExpiredError, ManifestSignatureError, ManifestSignerError, MirrorsExhaustedError, RestoreTargetError, WrongChainError, WrongDatabaseKindError } from '../errors.ts';
import { openManifest } from '../manifest/sign.ts';
import type { SignedManifest } from '../manifest/types.ts';
import { createSnapshot } from '../publish/create.ts';
import { dirTarget } from '../publish/dir-target.ts';
import { randomDatabase, testBody, testSigner } from '../testing/fixtures.ts';
import { startMirrorServer, type MirrorServer } from '../testing/mirror-server.ts';
import { fetchSnapshot, stagingDir } from './fetch.ts';
import { httpSource } from './sources.ts';

const CHUNK = 64 * 1024;
let work: string;
let db: string;
let pub: string;
let manifest: SignedManifest;
const servers: MirrorServer[] = [];

async function mirror(fault: Parameters<typeof startMirrorServer>[1] = 'none', dir = pub): Promise<MirrorServer> {
  const s = await startMirrorServer(dir, fault);
  servers.push(s);
  return s;
}
const out = (name: string) => join(work, 'restores', name);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'snap-fetch-'));
  db = await randomDatabase({ '000005.ldb': 5 * CHUNK + 123, CURRENT: 16, LOCK: 0, 'MANIFEST-000004': CHUNK, 'sub/000007.log': 3 * CHUNK }, join(work, 'db'));
  pub = join(work, 'pub');
  manifest = (await createSnapshot({ source: db, body: testBody(), signer: await testSigner(), targets: [dirTarget(pub)], chunkSize: CHUNK })).manifest;
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await rm(work, { recursive: true, force: true });
});

describe('fetchSnapshot', () => {
  it('restores every file from two mirrors, each chunk verified, and leaves no staging behind', async () => {
    const [a, b] = [await mirror(), await mirror()];
    const r = await fetchSnapshot({ manifest, out: out('ok'), sources: [httpSource(a.url), httpSource(b.url)], perMirror: 2 });
    expect(await diffDirectory(out('ok'), manifest.body)).toEqual([]);
    expect(existsSync(stagingDir(out('ok')))).toBe(false);
    expect(r.chunksFetched).toBe(manifest.body.files.reduce((n, f) => n + f.chunks.length, 0));
    expect(a.stats.requests).toBeGreaterThan(0);
    expect(b.stats.requests).toBeGreaterThan(0);
    await expect(fetchSnapshot({ manifest, out: out('ok'), sources: [httpSource(a.url)] })).rejects.toBeInstanceOf(RestoreTargetError);
  });

  it('refuses before the first data byte: wrong chain, genesis, database kind, provider, signer, expired', async () => {
    const s = await mirror();
    const src = [httpSource(s.url)];
    const cases: Array<[object, unknown]> = [
      [{ chain: 'Polkadot' }, WrongChainError],
      [{ genesisHash: '0x' + '11'.repeat(32) }, WrongChainError],
      [{ databaseKind: 'rocksdb' }, WrongDatabaseKindError],
      [{ provider: '0x' + '01'.repeat(32) }, ManifestSignerError],
      [{ signers: ['0x' + '02'.repeat(32)] }, ManifestSignerError],
      [{ now: manifest.body.validUntil + 1 }, ManifestExpiredError],
    ];
    for (const [expect_, cls] of cases) {
      await expect(fetchSnapshot({ manifest, out: out('refused'), sources: src, expect: expect_ })).rejects.toBeInstanceOf(cls);
    }
    expect(s.stats.requests).toBe(0);
    expect(existsSync(out('refused'))).toBe(false);
    expect(existsSync(stagingDir(out('refused')))).toBe(false);
  });

  it('a bad signature is refused when the manifest is opened', async () => {
    const bad = manifest.bytes.slice();
    bad[bad.length - 1]! ^= 0x80;
    await expect(openManifest(bad)).rejects.toBeInstanceOf(ManifestSignatureError);
  });

  it('a tampered chunk on the only mirror: a clear error, and no restored database', async () => {
    const tampered = join(work, 'pub-tampered');
    execFileSync('cp', ['-r', pub, tampered]);
    const chunk = join(tampered, 'chunks', Buffer.from(manifest.body.files[0]!.chunks[2]!).toString('hex'));
    const bytes = await readFile(chunk);
    bytes[100]! ^= 1;
    await writeFile(chunk, bytes);
    const s = await mirror('none', tampered);
    const err = await fetchSnapshot({ manifest, out: out('tampered'), sources: [httpSource(s.url)] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MirrorsExhaustedError);
    expect(String(err)).toMatch(/SHA-256 differs|do not match/);
    expect(existsSync(out('tampered'))).toBe(false);
  });

  it('a truncated chunk object on the mirror is refused; a truncated or altered file of a restore fails verify', async () => {
    const short = join(work, 'pub-short');
    execFileSync('cp', ['-r', pub, short]);
    await truncate(join(short, 'chunks', Buffer.from(manifest.body.files[0]!.chunks[0]!).toString('hex')), 1000);
    const s = await mirror('none', short);
    const err = await fetchSnapshot({ manifest, out: out('short'), sources: [httpSource(s.url)] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MirrorsExhaustedError);
    expect(String(err)).toMatch(/ended after 1000 of 65536 bytes/);
    expect(existsSync(out('short'))).toBe(false);

    const good = await mirror();
    await fetchSnapshot({ manifest, out: out('to-damage'), sources: [httpSource(good.url)] });
    await truncate(join(out('to-damage'), '000005.ldb'), CHUNK);
    const log = join(out('to-damage'), 'sub/000007.log');
    const bytes = await readFile(log);
    bytes[CHUNK + 5]! ^= 1;
    await writeFile(log, bytes);
    const diff = await diffDirectory(out('to-damage'), manifest.body);
    expect(diff.map((d) => `${d.path}:${d.problem}`)).toEqual(['000005.ldb:size', 'sub/000007.log:chunk']);
    expect(diff[1]!.detail).toMatch(/chunk 1/);
  });

  it('a mirror that serves other bytes is dropped; the good one finishes the restore', async () => {
    const [liar, good] = [await mirror('other-bytes'), await mirror()];
    const r = await fetchSnapshot({ manifest, out: out('liar'), sources: [httpSource(liar.url), httpSource(good.url)] });
    expect(await diffDirectory(out('liar'), manifest.body)).toEqual([]);
    expect(r.mirrors[0]!.disabled).toMatch(/do not match/);
  });

  it('connections cut half way: resumed with Range; a mirror that answers 403 or 416 to ranges gets whole-chunk retries', async () => {
    for (const fault of ['forbid-ranges', 'unsatisfiable-ranges'] as const) {
      const s = await mirror(fault);
      const cutter = await mirror('cut-midway');
      const r = await fetchSnapshot({ manifest, out: out(`range-${fault}`), sources: [httpSource(cutter.url), httpSource(s.url)] });
      expect(await diffDirectory(out(`range-${fault}`), manifest.body)).toEqual([]);
      expect(cutter.stats.rangeRequests).toBeGreaterThan(0);
      expect(r.mirrors[0]!.failures).toBeGreaterThan(0);
    }
    // A single mirror that cuts every response: Range continuations complete each chunk.
    const only = await mirror('cut-midway');
    const single = await fetchSnapshot({ manifest, out: out('range-only'), sources: [httpSource(only.url)] }).catch((e: unknown) => e);
    expect(single).toBeInstanceOf(MirrorsExhaustedError); // it cuts the continuations too
    expect(existsSync(out('range-only'))).toBe(false);
  });

  it('a stalled mirror is abandoned after stallMs for another one', async () => {
    const [stalled, good] = [await mirror('stall'), await mirror()];
    const r = await fetchSnapshot({ manifest, out: out('stall'), sources: [httpSource(stalled.url), httpSource(good.url)], stallMs: 300 });
    expect(await diffDirectory(out('stall'), manifest.body)).toEqual([]);
    expect(r.mirrors[0]!.failures).toBeGreaterThan(0);
    expect(r.mirrors[0]!.chunks).toBe(0);
  });

  it('disk full during the restore: DiskFullError, no restored database, and a resume completes it', async () => {
    const s = await mirror();
    let written = 0;
    const full = (fh: FileHandle, data: Buffer, pos: number) => {
      if ((written += data.length) > 3 * CHUNK) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return fh.write(data, 0, data.length, pos);
    };
    await expect(fetchSnapshot({ manifest, out: out('full'), sources: [httpSource(s.url)], write: full })).rejects.toBeInstanceOf(DiskFullError);
    expect(existsSync(out('full'))).toBe(false);
    const r = await fetchSnapshot({ manifest, out: out('full'), sources: [httpSource(s.url)] });
    expect(r.chunksResumed).toBeGreaterThan(0);
    expect(await diffDirectory(out('full'), manifest.body)).toEqual([]);
  });

  it('a disk too small is refused before the first byte (a real 256 KiB tmpfs when this process may mount one)', async () => {
    const mnt = join(work, 'tiny');
    execFileSync('mkdir', ['-p', mnt]);
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt], { stdio: 'ignore' });
      mounted = true;
    } catch {
      console.log('tmpfs not mountable here (not root): the ENOSPC test above covers the write path');
    }
    if (!mounted) return;
    try {
      const s = await mirror();
      await expect(fetchSnapshot({ manifest, out: join(mnt, 'db'), sources: [httpSource(s.url)] })).rejects.toBeInstanceOf(DiskFullError);
      expect(s.stats.requests).toBe(0);
      expect(existsSync(join(mnt, 'db'))).toBe(false);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });

  it('an aborted restore resumes from its journal; an incremental update fetches only changed chunks', async () => {
    const s = await mirror();
    s.rate = 2 * CHUNK; // slow enough to stop it part way
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('stopped')), 1500);
    await expect(fetchSnapshot({ manifest, out: out('resume'), sources: [httpSource(s.url)], concurrency: 2, signal: ac.signal })).rejects.toThrow(/stopped/);
    expect(existsSync(out('resume'))).toBe(false);
    s.rate = 0;
    const total = manifest.body.files.reduce((n, f) => n + f.chunks.length, 0);
    const r = await fetchSnapshot({ manifest, out: out('resume'), sources: [httpSource(s.url)] });
    expect(r.chunksResumed).toBeGreaterThan(0);
    expect(r.chunksResumed + r.chunksFetched).toBe(total);
    expect(await diffDirectory(out('resume'), manifest.body)).toEqual([]);

    // Next version: one table file rewritten, the log truncated by a chunk.
    await randomDatabase({ '000009.ldb': 2 * CHUNK }, db);
    await truncate(join(db, 'sub/000007.log'), 2 * CHUNK);
    const next = (await createSnapshot({ source: db, body: testBody(), signer: await testSigner(), targets: [dirTarget(pub)], chunkSize: CHUNK })).manifest;
    expect(u8aToHex(next.body.previous)).toBe(u8aToHex(manifest.id));
    const inc = await fetchSnapshot({ manifest: next, out: out('next'), sources: [httpSource(s.url)], from: out('resume') });
    expect(inc.chunksFetched).toBe(2);
    expect(inc.chunksReused).toBe(total - 1); // the log's last chunk is gone
    expect(await diffDirectory(out('next'), next.body)).toEqual([]);
  });
});
