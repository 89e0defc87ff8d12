// kill -9 a process in the middle of adding to the embedded store: every block file left is
// whole (it hashes to its name), the store still reads, and adding the same content again
// afterwards completes it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base32upper } from 'multiformats/bases/base32';
import { afterAll, describe, expect, it } from 'vitest';
import { openContentStore } from '@dinfra/content';
import { pseudoRandomBytes } from './data.ts';

const WORKER = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));

function blockFiles(repo: string): string[] {
  const root = join(repo, 'blocks');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).map((f) => join(root, d.name, f)));
}

describe('embedded store under kill -9', () => {
  const repo = mkdtempSync(join(tmpdir(), 'dinfra-content-crash-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('leaves only whole blocks; the interrupted content is added again', async () => {
    let killedAfter = 0;
    for (const delayMs of [150, 400, 900]) {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER, repo], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('adding') && resolve()));
      await new Promise((r) => setTimeout(r, delayMs));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      killedAfter++;
    }
    const files = blockFiles(repo);
    const data = files.filter((f) => f.endsWith('.data'));
    expect(data.length).toBeGreaterThan(0);
    for (const f of data) {
      // The file name is `B` + base32 of the sha2-256 multihash (0x12 0x20 digest) of its bytes.
      const digest = createHash('sha256').update(readFileSync(f)).digest();
      const name = base32upper.encode(Uint8Array.from([0x12, 0x20, ...digest]));
      expect(f.endsWith(`${name}.data`), f).toBe(true);
    }
    console.log(`after ${killedAfter} kill -9: ${data.length} whole blocks, ${files.length - data.length} temporary files left`);
    // Temporary files of killed writers are removed when a store opens, once they are stale.
    const shard = join(repo, 'blocks', readdirSync(join(repo, 'blocks'))[0]!);
    const fresh = join(shard, '.BFRESH.data.1.abc.tmp'); // a live writer's: kept
    writeFileSync(fresh, 'partial');
    const stale = join(shard, '.BSTALE.data.1.abc.tmp');
    writeFileSync(stale, 'partial');
    const temps = [...files.filter((f) => f.endsWith('.tmp')), stale];
    const old = new Date(Date.now() - 3_600_000);
    for (const f of temps) utimesSync(f, old, old);
    // The first file the worker adds, added again, is complete and reads back.
    const store = await openContentStore({ ipfsRepo: repo });
    expect(blockFiles(repo).filter((f) => f.endsWith('.tmp'))).toEqual([fresh]);
    expect(existsSync(stale)).toBe(false);
    const first = pseudoRandomBytes(8 << 20, 500);
    const cid = await store.add(first);
    expect(Buffer.compare(Buffer.from(await store.get(cid, { maxBytes: 8 << 20 })), Buffer.from(first))).toBe(0);
    await store.close();
  });
});
