import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** A file's size, whole-file SHA-256 and the SHA-256 of each fixed-size chunk. */
export interface HashedFile {
  readonly size: number;
  readonly sha256: Uint8Array;
  readonly chunks: Uint8Array[];
}

const READ_BYTES = 4 * 1024 * 1024;

/** Reads the file once, hashing it whole and in `chunkSize` pieces. */
export async function hashFile(path: string, chunkSize: number): Promise<HashedFile> {
  const fh = await open(path, 'r');
  try {
    const whole = createHash('sha256');
    const chunks: Uint8Array[] = [];
    let chunk: Hash | undefined;
    let inChunk = 0;
    let size = 0;
    const buf = Buffer.allocUnsafe(Math.min(READ_BYTES, chunkSize));
    for (;;) {
      const want = Math.min(buf.length, chunkSize - inChunk);
      const { bytesRead } = await fh.read(buf, 0, want, size);
      if (bytesRead === 0) break;
      const piece = buf.subarray(0, bytesRead);
      whole.update(piece);
      (chunk ??= createHash('sha256')).update(piece);
      inChunk += bytesRead;
      size += bytesRead;
      if (inChunk === chunkSize) {
        chunks.push(new Uint8Array(chunk.digest()));
        chunk = undefined;
        inChunk = 0;
      }
    }
    if (chunk) chunks.push(new Uint8Array(chunk.digest()));
    return { size, sha256: new Uint8Array(whole.digest()), chunks };
  } finally {
    await fh.close();
  }
}

/** SHA-256 of a byte range of an open file (a local copy of a chunk, for incremental restores). */
export async function hashRange(path: string, offset: number, length: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(Math.min(READ_BYTES, Math.max(1, length)));
    let done = 0;
    while (done < length) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, length - done), offset + done);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
      done += bytesRead;
    }
    if (done !== length) throw new Error(`${path}: ${done} of ${length} bytes at offset ${offset}`);
    return new Uint8Array(h.digest());
  } finally {
    await fh.close();
  }
}
