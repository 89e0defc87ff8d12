import { mkdtemp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { PublishError } from '../errors.ts';
import { chunkDirectory } from '../chunk/chunk-dir.ts';
import { openManifest, signManifest, type ManifestSigner } from '../manifest/sign.ts';
import { chunkLength, DEFAULT_CHUNK_SIZE, type ManifestBody, type Mirror, type SignedManifest } from '../manifest/types.ts';
import type { ChunkSource } from '../fetch/sources.ts';
import { fetchSnapshot } from '../fetch/fetch.ts';
import { crashPoint } from './crash-point.ts';
import type { ChunkRef, PublishTarget } from './target.ts';

export interface CreateSnapshotOptions {
  /** A consistent copy of the database (never the live directory of a running node). */
  readonly source: string;
  readonly body: Omit<ManifestBody, 'files' | 'mirrors' | 'previous' | 'chunkSize' | 'signer' | 'createdAt' | 'validUntil'>;
  readonly signer: ManifestSigner;
  readonly targets: readonly PublishTarget[];
  /** @default DEFAULT_CHUNK_SIZE (64 MiB) */
  readonly chunkSize?: number;
  /** @default 7 days */
  readonly validSeconds?: number;
  /** Manifests kept per target (older ones and chunks only they use are deleted). @default 3 */
  readonly keep?: number;
  /** Extra mirrors listed in the manifest (e.g. a CDN in front of the S3 bucket). */
  readonly extraMirrors?: readonly Mirror[];
  /**
   * Proves the output before the manifest is written: restores it from `source` (a reader of a
   * target) into a scratch directory and runs `check` on the result. Without it, no proof.
   */
  readonly prove?: { readonly source: ChunkSource; readonly check: (dir: string, m: SignedManifest) => Promise<void>; readonly scratchParent?: string };
  readonly uploadConcurrency?: number;
  readonly now?: () => number;
  readonly onStep?: (step: string) => void;
}

export interface CreateSnapshotResult {
  readonly manifest: SignedManifest;
  readonly locations: string[];
  readonly uploaded: number;
  readonly reused: number;
  readonly deleted: number;
}

/**
 * Chunks the copy, uploads to every target the chunks it does not have, signs the manifest,
 * proves it by a scratch restore, and only then writes the manifest and `latest.dsnm` (last).
 * A publish that dies anywhere before that leaves the previous manifest current.
 */
export async function createSnapshot(o: CreateSnapshotOptions): Promise<CreateSnapshotResult> {
  if (!o.targets.length) throw new PublishError('no publish target (give --out, --s3 and/or --ipfs-api)');
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const step = o.onStep ?? (() => undefined);
  step(`hashing ${o.source}`);
  const files = await chunkDirectory(o.source, chunkSize);
  const refs = new Map<string, ChunkRef>();
  for (const f of files) f.chunks.forEach((c, i) => refs.set(Buffer.from(c).toString('hex'), { path: join(o.source, f.path), offset: i * chunkSize, length: chunkLength(f, chunkSize, i) }));

  let previous: Uint8Array | undefined;
  const latest = await o.targets[0]!.getLatest();
  if (latest) previous = (await openManifest(latest).catch(() => undefined))?.id;

  let uploaded = 0;
  let reused = 0;
  for (const t of o.targets) {
    const have = await t.listChunks();
    const missing = [...refs.keys()].filter((h) => !have.has(h));
    reused += refs.size - missing.length;
    step(`${t.label}: uploading ${missing.length} of ${refs.size} chunks`);
    await parallel(missing, o.uploadConcurrency ?? 4, async (h) => {
      await t.putChunk(h, refs.get(h)!);
      crashPoint('chunk-uploaded');
    });
    uploaded += missing.length;
  }
  const mirrors: Mirror[] = [];
  for (const t of o.targets) {
    const m = await t.mirror();
    if (m) mirrors.push(m);
  }
  mirrors.push(...(o.extraMirrors ?? []));
  const now = Math.floor((o.now?.() ?? Date.now()) / 1000);
  const manifest = await signManifest(
    { ...o.body, files, mirrors, previous, chunkSize, signer: o.signer.publicKey, createdAt: now, validUntil: now + (o.validSeconds ?? 7 * 86400) },
    o.signer,
  );
  if (o.prove) {
    step('proving the output: scratch restore and open');
    const parent = await mkdtemp(join(o.prove.scratchParent ?? dirname(o.source), '.dinfra-snapshot-prove-'));
    try {
      const out = join(parent, 'db');
      await fetchSnapshot({ manifest, out, sources: [o.prove.source] });
      await o.prove.check(out, manifest);
    } catch (cause) {
      throw new PublishError(`the snapshot did not restore: ${(cause as Error).message}; nothing was published`, { cause });
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }
  const id = u8aToHex(manifest.id).slice(2);
  const locations: string[] = [];
  let deleted = 0;
  for (const t of o.targets) {
    await t.putManifest(id, manifest.bytes);
    crashPoint('manifest-written');
    await t.putLatest(manifest.bytes);
    locations.push(await t.location(id, manifest.bytes));
    deleted += await prune(t, o.keep ?? 3);
  }
  return { manifest, locations, uploaded, reused, deleted };
}

/** Keeps the `keep` newest manifests; deletes older ones, then chunks no kept manifest uses. */
async function prune(t: PublishTarget, keep: number): Promise<number> {
  const all: SignedManifest[] = [];
  for (const bytes of (await t.listManifests()).values()) {
    const m = await openManifest(bytes).catch(() => undefined);
    if (m) all.push(m);
  }
  all.sort((a, b) => b.body.blockNumber - a.body.blockNumber || b.body.createdAt - a.body.createdAt);
  const kept = all.slice(0, Math.max(1, keep));
  const used = new Set(kept.flatMap((m) => m.body.files.flatMap((f) => f.chunks.map((c) => Buffer.from(c).toString('hex')))));
  let n = 0;
  for (const m of all.slice(kept.length)) await t.deleteManifest(u8aToHex(m.id).slice(2));
  for (const h of await t.listChunks()) {
    if (used.has(h)) continue;
    await t.deleteChunk(h);
    n++;
  }
  return n;
}

async function parallel<T>(items: readonly T[], n: number, f: (x: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (i < items.length) await f(items[i++]!);
  }));
}
