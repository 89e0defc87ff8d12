import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { DiskFullError, MirrorsExhaustedError, RestoreTargetError } from '../errors.ts';
import { checkManifest, type ManifestExpectations } from '../manifest/check.ts';
import { openManifest } from '../manifest/sign.ts';
import { chunkLength, totalBytes, type SignedManifest } from '../manifest/types.ts';
import { hashRange } from '../chunk/hash-file.ts';
import { ensureFreeSpace, isDiskFull } from './disk.ts';
import { RestoreJournal } from './journal.ts';
import { MirrorPool, type MirrorPoolOptions, type MirrorState } from './mirror-pool.ts';
import { chunkKey, MirrorRequestError, type ChunkSource } from './sources.ts';

/** Kept next to the files of a restored database: the manifest it was restored from. */
export const RESTORED_MANIFEST = '.dinfra-snapshot-manifest';
const JOURNAL = '.dinfra-snapshot-journal';

export interface FetchProgress {
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly bytesPerSecond: number;
  readonly etaSeconds: number | undefined;
  readonly chunksFetched: number;
  readonly chunksReused: number;
}

export interface FetchOptions extends MirrorPoolOptions {
  readonly manifest: SignedManifest;
  /** The directory the database ends up in; it must not exist (it appears, complete, at the end). */
  readonly out: string;
  readonly sources: readonly ChunkSource[];
  readonly expect?: ManifestExpectations;
  /** A directory restored from an earlier manifest: its matching chunks are copied, not fetched. */
  readonly from?: string;
  /** Requests in flight over all mirrors. @default 16 */
  readonly concurrency?: number;
  /** A request that delivers no byte for this long is abandoned for another mirror. @default 20000 */
  readonly stallMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: FetchProgress) => void;
  /** Test seam: how bytes reach the disk (fault injection of ENOSPC). */
  readonly write?: (fh: FileHandle, data: Buffer, position: number) => Promise<unknown>;
}

export interface FetchResult {
  readonly out: string;
  readonly chunksFetched: number;
  readonly chunksReused: number;
  readonly chunksResumed: number;
  readonly bytesFetched: number;
  readonly seconds: number;
  readonly mirrors: ReadonlyArray<{ label: string; bytes: number; chunks: number; failures: number; lastError?: string; disabled?: string }>;
}

interface Task {
  readonly file: number;
  readonly chunk: number;
  readonly offset: number;
  readonly length: number;
  readonly sha256: Uint8Array;
  readonly tries: Map<MirrorState, number>;
  readonly errors: string[];
}

/** The staging directory a restore into `out` is assembled in (same filesystem, renamed at the end). */
export const stagingDir = (out: string): string => `${out}.dinfra-partial`;

/**
 * Restores a snapshot: checks the manifest against `expect` before any data byte, then fetches
 * every chunk (parallel across mirrors, each verified on arrival, written in place) into a
 * staging directory with a journal, and renames it to `out` only when every chunk is there.
 * Killed at any point, `out` does not exist and a new call resumes from the journal.
 */
export async function fetchSnapshot(o: FetchOptions): Promise<FetchResult> {
  const m = o.manifest;
  if (o.expect) checkManifest(m.body, o.expect);
  if (existsSync(o.out) && (await readdir(o.out)).length > 0) throw new RestoreTargetError(`${o.out} exists and is not empty: restore into a new directory (use --from to reuse an earlier restore)`);
  const staging = stagingDir(o.out);
  await mkdir(staging, { recursive: true });
  const journal = await RestoreJournal.open(join(staging, JOURNAL), u8aToHex(m.id));
  const handles: FileHandle[] = [];
  const started = Date.now();
  try {
    const tasks: Task[] = [];
    let pendingBytes = 0;
    const body = m.body;
    for (const [fi, f] of body.files.entries()) {
      await mkdir(dirname(join(staging, f.path)), { recursive: true });
      const fh = await open(join(staging, f.path), existsSync(join(staging, f.path)) ? 'r+' : 'w+');
      handles.push(fh);
      if ((await fh.stat()).size !== f.size) await fh.truncate(f.size);
      f.chunks.forEach((sha256, ci) => {
        if (journal.has(fi, ci)) return;
        const length = chunkLength(f, body.chunkSize, ci);
        pendingBytes += length;
        tasks.push({ file: fi, chunk: ci, offset: ci * body.chunkSize, length, sha256, tries: new Map(), errors: [] });
      });
    }
    const resumed = body.files.reduce((n, f) => n + f.chunks.length, 0) - tasks.length;
    // Files are sparse until written: what must still fit is what is not on disk yet.
    await ensureFreeSpace(dirname(staging), pendingBytes);
    const write = o.write ?? ((fh: FileHandle, data: Buffer, pos: number) => fh.write(data, 0, data.length, pos));
    const progress = makeProgress(totalBytes(body), totalBytes(body) - pendingBytes, o.onProgress);

    const reused = o.from ? await reuseLocal(o.from, tasks, handles, journal, write, progress) : 0;
    const remaining = tasks.filter((t) => !journal.has(t.file, t.chunk));
    const pool = new MirrorPool(o.sources, o);
    const fetched = await runTasks(remaining, pool, {
      concurrency: o.concurrency ?? 16,
      stallMs: o.stallMs ?? 20_000,
      signal: o.signal,
      fetchOne: (t, mirror, signal) => fetchChunk(t, mirror, handles[t.file]!, write, signal, o.stallMs ?? 20_000, progress.add),
      done: async (t) => {
        await handles[t.file]!.datasync();
        await journal.record(t.file, t.chunk);
        progress.chunk();
      },
    });
    for (const fh of handles.splice(0)) await fh.close();
    await writeFile(join(staging, RESTORED_MANIFEST), m.bytes);
    await journal.close();
    await rm(join(staging, JOURNAL));
    await rename(staging, o.out);
    progress.finish();
    return {
      out: o.out,
      chunksFetched: fetched.count,
      chunksReused: reused,
      chunksResumed: resumed,
      bytesFetched: fetched.bytes,
      seconds: (Date.now() - started) / 1000,
      mirrors: pool.mirrors.map((x) => ({ label: x.source.label, bytes: x.bytes, chunks: x.chunks, failures: x.failures, ...(x.lastError ? { lastError: x.lastError } : {}), ...(x.disabled ? { disabled: x.disabled } : {}) })),
    };
  } catch (e) {
    throw isDiskFull(e) ? new DiskFullError(`disk full while restoring into ${staging} (${(e as Error).message}); free space and run the same command again to resume`, { cause: e }) : e;
  } finally {
    for (const fh of handles) await fh.close().catch(() => undefined);
    await journal.close().catch(() => undefined);
  }
}

/** Copies chunks that an earlier restore in `from` already holds (each re-hashed before use). */
async function reuseLocal(from: string, tasks: Task[], handles: FileHandle[], journal: RestoreJournal, write: NonNullable<FetchOptions['write']>, progress: ReturnType<typeof makeProgress>): Promise<number> {
  const prev = await openManifest(new Uint8Array(await readFile(join(from, RESTORED_MANIFEST))));
  const where = new Map<string, { path: string; offset: number; length: number }>();
  for (const f of prev.body.files) f.chunks.forEach((c, i) => where.set(Buffer.from(c).toString('hex'), { path: join(from, f.path), offset: i * prev.body.chunkSize, length: chunkLength(f, prev.body.chunkSize, i) }));
  let n = 0;
  for (const t of tasks) {
    const at = where.get(Buffer.from(t.sha256).toString('hex'));
    if (!at || at.length !== t.length) continue;
    if (!Buffer.from(await hashRange(at.path, at.offset, at.length).catch(() => new Uint8Array())).equals(t.sha256)) continue;
    const src = await open(at.path, 'r');
    try {
      const buf = Buffer.allocUnsafe(Math.min(t.length, 4 << 20));
      for (let done = 0; done < t.length; ) {
        const { bytesRead } = await src.read(buf, 0, Math.min(buf.length, t.length - done), at.offset + done);
        await write(handles[t.file]!, buf.subarray(0, bytesRead), t.offset + done);
        done += bytesRead;
      }
    } finally {
      await src.close();
    }
    await handles[t.file]!.datasync();
    await journal.record(t.file, t.chunk);
    progress.reuse(t.length);
    n++;
  }
  return n;
}

/** Streams one chunk from one mirror into place, hashing as it goes; resumes once with a Range request. */
async function fetchChunk(t: Task, mirror: MirrorState, fh: FileHandle, write: NonNullable<FetchOptions['write']>, signal: AbortSignal, stallMs: number, onBytes: (n: number) => void): Promise<number> {
  let hash: Hash = createHash('sha256');
  let got = 0;
  let rangeTried = false;
  for (;;) {
    try {
      const stream = await mirror.source.open(chunkKey(t.sha256), got, signal);
      const stall = new AbortController();
      let timer = setTimeout(() => stall.abort(), stallMs);
      const onAbort = () => stream.destroy(new MirrorRequestError(`${mirror.source.label}: no byte for ${stallMs} ms (stalled)`));
      stall.signal.addEventListener('abort', onAbort);
      try {
        for await (const piece of stream as AsyncIterable<Buffer>) {
          clearTimeout(timer);
          timer = setTimeout(() => stall.abort(), stallMs);
          if (got + piece.length > t.length) throw new ChunkMismatch(`more than the chunk's ${t.length} bytes`);
          await write(fh, piece, t.offset + got);
          hash.update(piece);
          got += piece.length;
          onBytes(piece.length);
        }
      } finally {
        clearTimeout(timer);
        stall.signal.removeEventListener('abort', onAbort);
      }
      if (got !== t.length) throw new MirrorRequestError(`${mirror.source.label}: ended after ${got} of ${t.length} bytes`);
      if (!Buffer.from(hash.digest()).equals(t.sha256)) throw new ChunkMismatch('SHA-256 differs from the manifest');
      return got;
    } catch (e) {
      if (e instanceof ChunkMismatch || signal.aborted || isDiskFull(e)) throw e;
      // A connection lost part way: continue from where it stopped once (Range), else start over.
      if (got > 0 && !rangeTried) {
        rangeTried = true;
        continue;
      }
      if (got > 0 && e instanceof MirrorRequestError && (e.status === 403 || e.status === 416 || e.status === 200)) {
        hash = createHash('sha256');
        got = 0;
        continue;
      }
      throw e;
    }
  }
}

/** The mirror sent bytes the manifest does not sign. */
class ChunkMismatch extends Error {}

interface RunOptions {
  concurrency: number;
  stallMs: number;
  signal: AbortSignal | undefined;
  fetchOne(t: Task, m: MirrorState, signal: AbortSignal): Promise<number>;
  done(t: Task): Promise<void>;
}

/** Runs the tasks over the mirror pool; a failed task goes back to the queue for another mirror. */
function runTasks(tasks: Task[], pool: MirrorPool, r: RunOptions): Promise<{ count: number; bytes: number }> {
  const queue = [...tasks];
  const abort = new AbortController();
  const onOuter = () => abort.abort(r.signal?.reason);
  r.signal?.addEventListener('abort', onOuter);
  let inFlight = 0;
  let count = 0;
  let bytes = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      abort.abort(e);
      r.signal?.removeEventListener('abort', onOuter);
      reject(e);
    };
    const pump = () => {
      if (failed) return;
      if (r.signal?.aborted) return fail(r.signal.reason ?? new Error('aborted'));
      if (queue.length === 0 && inFlight === 0) {
        r.signal?.removeEventListener('abort', onOuter);
        return resolve({ count, bytes });
      }
      for (let i = 0; i < queue.length && inFlight < r.concurrency; ) {
        const t = queue[i]!;
        // Up to 3 tries per mirror; while some usable mirror has not tried this chunk, it goes first.
        const untried = pool.usable().some((x) => !t.tries.has(x));
        const exclude = (x: MirrorState) => (t.tries.get(x) ?? 0) >= 3 || (untried && t.tries.has(x));
        const m = pool.pick(exclude);
        if (!m) {
          if (!pool.usable().some((x) => !exclude(x))) {
            return fail(new MirrorsExhaustedError(`chunk ${t.chunk} of file #${t.file} (sha256 ${Buffer.from(t.sha256).toString('hex').slice(0, 16)}…) could be had from no mirror: ${t.errors.join('; ') || 'no usable mirror'}${describeDisabled(pool)}`));
          }
          i++;
          continue;
        }
        queue.splice(i, 1);
        inFlight++;
        m.active++;
        t.tries.set(m, (t.tries.get(m) ?? 0) + 1);
        const began = Date.now();
        r.fetchOne(t, m, abort.signal).then(
          async (n) => {
            m.active--;
            pool.succeeded(m, n, (Date.now() - began) / 1000);
            try {
              await r.done(t);
            } catch (e) {
              return fail(e);
            }
            inFlight--;
            count++;
            bytes += n;
            pump();
          },
          (e: unknown) => {
            m.active--;
            inFlight--;
            if (failed) return;
            if (isDiskFull(e) || abort.signal.aborted) return fail(r.signal?.aborted ? (r.signal.reason ?? e) : e);
            const reason = (e as Error).message;
            pool.failed(m, reason, e instanceof ChunkMismatch);
            t.errors.push(`${m.source.label}: ${reason}`);
            queue.unshift(t);
            pump();
          },
        );
      }
    };
    pump();
  });
}

function describeDisabled(pool: MirrorPool): string {
  const d = pool.mirrors.filter((m) => m.disabled);
  return d.length ? `; mirrors not used: ${d.map((m) => `${m.source.label} (${m.disabled})`).join('; ')}` : '';
}

function makeProgress(total: number, already: number, cb?: (p: FetchProgress) => void) {
  let done = already;
  let fetched = 0;
  let reusedChunks = 0;
  let fetchedChunks = 0;
  const t0 = Date.now();
  let last = 0;
  const emit = (force = false) => {
    const now = Date.now();
    if (!cb || (!force && now - last < 1000)) return;
    last = now;
    const rate = fetched / Math.max((now - t0) / 1000, 1e-3);
    cb({ doneBytes: done, totalBytes: total, bytesPerSecond: rate, etaSeconds: rate > 0 ? (total - done) / rate : undefined, chunksFetched: fetchedChunks, chunksReused: reusedChunks });
  };
  return {
    add: (n: number) => {
      done += n;
      fetched += n;
      emit();
    },
    reuse: (n: number) => {
      done += n;
      reusedChunks++;
      emit();
    },
    chunk: () => {
      fetchedChunks++;
    },
    finish: () => emit(true),
  };
}
