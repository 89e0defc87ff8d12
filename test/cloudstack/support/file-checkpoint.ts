// A checkpoint in a JSON file, replaced atomically and flushed on every write: it survives
// kill -9 as the reactor's store does.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Checkpoint } from '@dinfra/reactor-sdk';

export function fileCheckpoint(path: string): Checkpoint & { all(): Record<string, string> } {
  const read = (): Record<string, string> => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {});
  const write = (d: Record<string, string>) => {
    writeFileSync(`${path}.tmp`, JSON.stringify(d), { flush: true });
    renameSync(`${path}.tmp`, path);
  };
  return {
    all: read,
    get: (k) => read()[k],
    set: (k, v) => write({ ...read(), [k]: v }),
    delete: (k) => {
      const d = read();
      delete d[k];
      write(d);
    },
  };
}
