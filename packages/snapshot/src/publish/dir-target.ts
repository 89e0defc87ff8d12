import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import type { Mirror } from '../manifest/types.ts';
import type { ChunkRef, PublishTarget } from './target.ts';

/** Writes a file durably: temp name, fsync, rename. */
async function writeDurable(path: string, write: (fh: import('node:fs/promises').FileHandle) => Promise<void>): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fh = await open(tmp, 'w');
  try {
    await write(fh);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/**
 * A local directory in the mirror layout, served by the provider's HTTP server at `httpUrl`
 * (or read as `file://` by a restore on the same machine).
 */
export function dirTarget(dir: string, httpUrl?: string): PublishTarget {
  const chunks = join(dir, 'chunks');
  const manifests = join(dir, 'manifests');
  return {
    label: dir,
    async listChunks() {
      await mkdir(chunks, { recursive: true });
      return new Set((await readdir(chunks)).filter((n) => /^[0-9a-f]{64}$/.test(n)));
    },
    async putChunk(hex: string, c: ChunkRef) {
      const path = join(chunks, hex);
      const tmp = `${path}.tmp-${process.pid}`;
      await pipeline(c.length > 0 ? createReadStream(c.path, { start: c.offset, end: c.offset + c.length - 1 }) : Readable.from([]), createWriteStream(tmp));
      const fh = await open(tmp, 'r+');
      await fh.sync().finally(() => fh.close());
      await rename(tmp, path);
    },
    deleteChunk: (hex) => rm(join(chunks, hex), { force: true }),
    async listManifests() {
      await mkdir(manifests, { recursive: true });
      const out = new Map<string, Uint8Array>();
      for (const n of await readdir(manifests)) {
        const m = /^([0-9a-f]{64})\.dsnm$/.exec(n);
        if (m) out.set(m[1]!, new Uint8Array(await readFile(join(manifests, n))));
      }
      return out;
    },
    getLatest: () => readFile(join(dir, 'latest.dsnm')).then((b) => new Uint8Array(b), () => undefined),
    async putManifest(id, bytes) {
      await mkdir(manifests, { recursive: true });
      await writeDurable(join(manifests, `${id}.dsnm`), async (fh) => void (await fh.write(bytes)));
    },
    putLatest: (bytes) => writeDurable(join(dir, 'latest.dsnm'), async (fh) => void (await fh.write(bytes))),
    deleteManifest: (id) => rm(join(manifests, `${id}.dsnm`), { force: true }),
    mirror: async (): Promise<Mirror | undefined> => (httpUrl ? { kind: 'http', url: httpUrl.endsWith('/') ? httpUrl : httpUrl + '/' } : undefined),
    location: async (id) => (httpUrl ? new URL(`manifests/${id}.dsnm`, httpUrl.endsWith('/') ? httpUrl : httpUrl + '/').href : pathToFileURL(join(manifests, `${id}.dsnm`)).href),
  };
}
