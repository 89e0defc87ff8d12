// Several processes on one machine use one embedded store directory at once (the CLI adds
// while OGate reads): two child processes add the same files concurrently while this process
// reads them. A reader may find a file not there yet, but never a torn block (which would be
// a CidMismatchError), and no temporary file is left behind.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cidOf, ContentNotFoundError, openContentStore } from '@dinfra/content';
import { sharedFiles } from './data.ts';

const WORKER = fileURLToPath(new URL('./add-worker.ts', import.meta.url));
const ROUNDS = 6;

function worker(repo: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', WORKER, repo, String(ROUNDS)], { encoding: 'utf8', timeout: 90_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout.trim()),
    ),
  );
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [e.name]));
}

describe('embedded store shared by processes', () => {
  const repo = mkdtempSync(join(tmpdir(), 'dinfra-content-shared-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('two writers and a reader at once: whole blocks only, every file readable at the end', async () => {
    const files = Array.from({ length: ROUNDS }, (_, r) => sharedFiles(r)).flat();
    const cids = await Promise.all(files.map((f) => cidOf(f)));
    const reader = await openContentStore({ ipfsRepo: repo });
    const writers = Promise.all([worker(repo), worker(repo)]);
    let done = false;
    void writers.finally(() => (done = true));
    let reads = 0;
    let notYet = 0;
    while (!done) {
      for (let i = 0; i < cids.length; i++) {
        try {
          const got = await reader.get(cids[i]!, { maxBytes: 1 << 22 });
          expect(Buffer.compare(Buffer.from(got), Buffer.from(files[i]!))).toBe(0);
          reads++;
        } catch (e) {
          if (!(e instanceof ContentNotFoundError)) throw e; // a torn block would be CidMismatchError
          notYet++;
        }
      }
    }
    expect(await writers).toEqual([`added ${files.length}`, `added ${files.length}`]);
    for (let i = 0; i < cids.length; i++) expect((await reader.get(cids[i]!, { maxBytes: 1 << 22 })).length).toBe(files[i]!.length);
    await reader.close();
    console.log(`shared store: ${reads} verified reads and ${notYet} not-yet-there while two processes wrote`);
    expect(reads).toBeGreaterThan(0);
    expect(walk(repo).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
