import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SignedManifest } from '@dinfra/snapshot';
import { CliError, UsageError } from '../../lib/errors.ts';
import { chooseStore, openStore } from '../../lib/content-store.ts';
import { isCid } from '../../lib/cid.ts';

/** A snapshot operation failed (bad manifest, mirrors, disk): exit 1, with the library's code. */
export class SnapshotCommandError extends CliError {
  readonly exitCode = 1;
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Runs `f`, turning @dinfra/snapshot's named errors into CLI errors that keep their code. */
export async function snapshotErrors<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const { SnapshotError } = await import('@dinfra/snapshot');
    if (e instanceof SnapshotError) throw new SnapshotCommandError(`E_SNAPSHOT_${e.code}`, e.message, { cause: e });
    throw e;
  }
}

const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** The manifest's bytes from a file, an http(s) URL, or a CID (content store). */
export async function manifestBytes(ref: string, o: { ipfsApi?: string; ipfsRepo?: string }): Promise<Uint8Array> {
  if (/^https?:\/\//.test(ref)) {
    const r = await fetch(ref, { signal: AbortSignal.timeout(60_000) }).catch((e: Error) => {
      throw new SnapshotCommandError('E_SNAPSHOT_MANIFEST_FETCH', `cannot fetch the manifest ${ref}: ${e.message}`);
    });
    if (!r.ok) throw new SnapshotCommandError('E_SNAPSHOT_MANIFEST_FETCH', `the manifest ${ref} answered HTTP ${r.status}`);
    const b = new Uint8Array(await r.arrayBuffer());
    if (b.length > MAX_MANIFEST_BYTES) throw new SnapshotCommandError('E_SNAPSHOT_MANIFEST_FETCH', `the manifest ${ref} is larger than 256 MiB`);
    return b;
  }
  if (existsSync(ref)) return new Uint8Array(await readFile(ref));
  if (isCid(ref)) {
    const choice = chooseStore(o, process.env);
    if (!choice) throw new UsageError(`${ref} is a CID: give --ipfs-api URL or --ipfs-repo DIR to read it`);
    const store = await openStore(choice);
    try {
      return await store.get(ref, { maxBytes: MAX_MANIFEST_BYTES, timeoutMs: 60_000 });
    } catch (e) {
      throw new SnapshotCommandError('E_SNAPSHOT_MANIFEST_FETCH', `cannot read the manifest ${ref}: ${(e as Error).message}`);
    } finally {
      await store.close();
    }
  }
  throw new UsageError(`manifest "${ref}" is not a file, an http(s) URL or a CID`);
}

/** Reads and opens (decodes + checks the signature of) a manifest. */
export async function loadManifest(ref: string, o: { ipfsApi?: string; ipfsRepo?: string }): Promise<SignedManifest> {
  const bytes = await manifestBytes(ref, o);
  const { openManifest } = await import('@dinfra/snapshot');
  return snapshotErrors(() => openManifest(bytes));
}
