// Publishing to moto's S3 (real @aws-sdk/client-s3, multipart) and to Kubo (MFS), restoring
// from both mirrors and from Kubo alone, the manifest read back by CID, and an incremental
// version that uploads only the changed chunks and prunes the old ones.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContentStore } from '@dinfra/content';
import { createSnapshot, diffDirectory, fetchSnapshot, kuboTarget, s3Target, sourcesFor, type SignedManifest } from '@dinfra/snapshot';
import { randomDatabase, testBody, testSigner } from '@dinfra/snapshot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type Moto } from '../aws/support/moto.ts';
import { startKubo, type RunningKubo } from '../support/kubo.ts';
import { peer } from '../support/peers.ts';

const motoBin = peer('moto');
const kuboBin = peer('kubo');
const CHUNK = 6 * 1024 * 1024; // above S3's 5 MiB minimum part, so chunks go up in multipart

describe.skipIf(!motoBin || !kuboBin)('snapshot publishing to S3 (moto) and Kubo', () => {
  let moto: Moto;
  let kubo: RunningKubo;
  let work: string;
  let db: string;
  let first: SignedManifest;
  const targets = () => [s3Target({ url: 's3://snaps/dev', endpoint: moto.endpoint, partSize: 5 * 1024 * 1024, publicRead: true }), kuboTarget(kubo.apiUrl, '/dinfra-snapshots/dev')];

  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = 'testing';
    process.env.AWS_SECRET_ACCESS_KEY = 'testing';
    [moto, kubo] = await Promise.all([startMoto(motoBin!), startKubo({ bin: kuboBin! })]);
    const r = await fetch(`${moto.endpoint}/snaps`, { method: 'PUT' });
    expect(r.ok).toBe(true);
    work = await mkdtemp(join(tmpdir(), 'snap-targets-'));
    db = await randomDatabase({ '000005.ldb': CHUNK + 77, CURRENT: 16, 'MANIFEST-000002': 2000 }, join(work, 'db'));
  });
  afterAll(async () => {
    await moto?.stop();
    await kubo?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('publishes to both (multipart on S3), proves the output, and restores from both mirrors or Kubo alone', async () => {
    const s3 = targets()[0]!;
    const r = await createSnapshot({
      source: db,
      body: testBody(),
      signer: await testSigner(),
      targets: targets(),
      chunkSize: CHUNK,
      prove: { source: sourcesFor([{ kind: 's3', url: `${moto.endpoint}/snaps/dev/` }])[0]!, check: async () => undefined },
    });
    first = r.manifest;
    expect(r.uploaded).toBe(2 * 4); // 2 + 1 + 1 chunks on each target
    expect(first.body.mirrors.map((m) => m.kind)).toEqual(['s3', 'ipfs']);
    expect(await s3.getLatest()).toEqual(first.bytes);

    const both = await fetchSnapshot({ manifest: first, out: join(work, 'both'), sources: sourcesFor(first.body.mirrors, kubo.apiUrl), perMirror: 2 });
    expect(await diffDirectory(join(work, 'both'), first.body)).toEqual([]);
    expect(both.mirrors.every((m) => m.chunks > 0), JSON.stringify(both.mirrors)).toBe(true);
    const viaIpfs = await fetchSnapshot({ manifest: first, out: join(work, 'ipfs'), sources: sourcesFor(first.body.mirrors.filter((m) => m.kind === 'ipfs'), kubo.apiUrl) });
    expect(await diffDirectory(join(work, 'ipfs'), first.body)).toEqual([]);
    expect(viaIpfs.chunksFetched).toBe(4);

    // The manifest by CID, verified against it by @dinfra/content.
    const cid = r.locations[1]!;
    const store = await openContentStore({ ipfsApi: kubo.apiUrl });
    try {
      expect(await store.get(cid)).toEqual(first.bytes);
    } finally {
      await store.close();
    }
  });

  it('a new version uploads only changed chunks; keep=1 prunes the chunks only the old one used', async () => {
    await rm(join(db, 'MANIFEST-000002'));
    await randomDatabase({ 'MANIFEST-000003': 2100 }, db);
    const r = await createSnapshot({ source: db, body: testBody(), signer: await testSigner(), targets: targets(), chunkSize: CHUNK, keep: 1 });
    expect(r.uploaded).toBe(2); // one new chunk on each target
    expect(r.deleted).toBe(2); // the old MANIFEST's chunk on each target
    expect(Buffer.from(r.manifest.body.previous!)).toEqual(Buffer.from(first.id));
    const res = await fetchSnapshot({ manifest: r.manifest, out: join(work, 'v2'), sources: sourcesFor(r.manifest.body.mirrors, kubo.apiUrl), from: join(work, 'both') });
    expect(res.chunksFetched).toBe(1);
    expect(await diffDirectory(join(work, 'v2'), r.manifest.body)).toEqual([]);
    expect((await readdir(join(work, 'v2'))).sort()).toEqual(['.dinfra-snapshot-manifest', '000005.ldb', 'CURRENT', 'MANIFEST-000003']);
  });
});
