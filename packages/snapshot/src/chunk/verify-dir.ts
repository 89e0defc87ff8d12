import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentMismatchError } from '../errors.ts';
import type { ManifestBody } from '../manifest/types.ts';
import { hashFile } from './hash-file.ts';
import { listFiles } from './walk.ts';

/** One difference between a directory and its manifest. */
export interface Mismatch {
  readonly path: string;
  readonly problem: 'missing' | 'extra' | 'size' | 'chunk' | 'file-hash';
  readonly detail: string;
}

/** Compares every file of `dir` with the manifest (sizes, every chunk, whole-file hashes). */
export async function diffDirectory(dir: string, body: ManifestBody): Promise<Mismatch[]> {
  const found = new Set(await listFiles(dir));
  const out: Mismatch[] = [];
  for (const f of body.files) {
    if (!found.delete(f.path)) {
      out.push({ path: f.path, problem: 'missing', detail: 'not on disk' });
      continue;
    }
    const size = (await stat(join(dir, f.path))).size;
    if (size !== f.size) {
      out.push({ path: f.path, problem: 'size', detail: `${size} bytes on disk, manifest says ${f.size}` });
      continue;
    }
    const h = await hashFile(join(dir, f.path), body.chunkSize);
    const bad = f.chunks.findIndex((c, i) => !Buffer.from(c).equals(h.chunks[i]!));
    if (bad >= 0) out.push({ path: f.path, problem: 'chunk', detail: `chunk ${bad} (offset ${bad * body.chunkSize}) does not match its SHA-256` });
    else if (!Buffer.from(h.sha256).equals(f.sha256)) out.push({ path: f.path, problem: 'file-hash', detail: 'whole-file SHA-256 does not match' });
  }
  for (const extra of found) out.push({ path: extra, problem: 'extra', detail: 'not in the manifest' });
  return out;
}

/** Throws ContentMismatchError listing the first differences. */
export async function verifyDirectory(dir: string, body: ManifestBody): Promise<void> {
  const diff = await diffDirectory(dir, body);
  if (diff.length) {
    const shown = diff.slice(0, 5).map((d) => `${d.path}: ${d.detail}`).join('; ');
    throw new ContentMismatchError(`${dir} does not match the manifest (${diff.length} difference(s)): ${shown}`);
  }
}
