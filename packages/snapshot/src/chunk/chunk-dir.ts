import { join } from 'node:path';
import type { ManifestFile } from '../manifest/types.ts';
import { hashFile } from './hash-file.ts';
import { listFiles } from './walk.ts';

/** Every file of a database directory, hashed and chunked, in manifest order. */
export async function chunkDirectory(root: string, chunkSize: number, onFile?: (path: string, bytes: number) => void): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const path of await listFiles(root)) {
    const h = await hashFile(join(root, path), chunkSize);
    files.push({ path, size: h.size, sha256: h.sha256, chunks: h.chunks });
    onFile?.(path, h.size);
  }
  return files;
}
