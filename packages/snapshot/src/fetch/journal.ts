import { open, readFile, type FileHandle } from 'node:fs/promises';

/**
 * The restore journal: a first line naming the manifest id, then one line `<file>:<chunk>` per
 * chunk whose bytes were written and fdatasync'ed before the line was appended (and the line
 * itself synced). After a kill -9 the journal lists only chunks that are on disk; a torn last
 * line is ignored, so a resume re-fetches at most the chunks that were in flight.
 */
export class RestoreJournal {
  private constructor(
    private readonly fh: FileHandle,
    readonly done: Set<string>,
  ) {}

  static async open(path: string, manifestIdHex: string): Promise<RestoreJournal> {
    const done = new Set<string>();
    const text = await readFile(path, 'utf8').catch(() => undefined);
    let fresh = true;
    if (text !== undefined) {
      const lines = text.split('\n');
      if (lines[0] === `manifest ${manifestIdHex}`) {
        fresh = false;
        // The last element is '' after a complete line, or a torn line: either way not counted.
        for (const l of lines.slice(1, -1)) if (/^\d+:\d+$/.test(l)) done.add(l);
      }
    }
    const fh = await open(path, fresh ? 'w' : 'a');
    if (fresh) {
      await fh.write(`manifest ${manifestIdHex}\n`);
      await fh.datasync();
    } else if (text !== undefined && !text.endsWith('\n')) {
      await fh.write('\n'); // close a torn line so the next entry starts clean
    }
    return new RestoreJournal(fh, done);
  }

  has(file: number, chunk: number): boolean {
    return this.done.has(`${file}:${chunk}`);
  }

  async record(file: number, chunk: number): Promise<void> {
    this.done.add(`${file}:${chunk}`);
    await this.fh.write(`${file}:${chunk}\n`);
    await this.fh.datasync();
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
