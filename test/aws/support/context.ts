// An OperationContext for driving a backend directly: a checkpoint kept in memory or in a
// JSON file written synchronously (so it survives kill -9 as the reactor's store would).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Checkpoint, Logger, OperationContext } from '@dinfra/reactor-sdk';

export interface Recorded {
  /** Every `progress` message, in order. */
  readonly steps: string[];
  readonly logs: Array<{ level: string; obj: unknown; msg?: string }>;
}

export function memoryCheckpoint(init: Record<string, string> = {}): Checkpoint & { data: Record<string, string> } {
  const data = { ...init };
  return { data, get: (k) => data[k], set: (k, v) => void (data[k] = v), delete: (k) => void delete data[k] };
}

/** A checkpoint in a JSON file, replaced atomically on every write. */
export function fileCheckpoint(path: string): Checkpoint {
  const read = (): Record<string, string> => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {});
  const write = (d: Record<string, string>) => {
    writeFileSync(`${path}.tmp`, JSON.stringify(d), { flush: true });
    renameSync(`${path}.tmp`, path);
  };
  return {
    get: (k) => read()[k],
    set: (k, v) => write({ ...read(), [k]: v }),
    delete: (k) => {
      const d = read();
      delete d[k];
      write(d);
    },
  };
}

export function recordingLogger(rec: Recorded['logs'], bindings: Record<string, unknown> = {}): Logger {
  const at = (level: string) => (obj: object | string, msg?: string) => void rec.push({ level, obj: typeof obj === 'object' ? { ...bindings, ...obj } : obj, ...(msg !== undefined ? { msg } : {}) });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (b) => recordingLogger(rec, { ...bindings, ...b }) };
}

export function testContext(opts: { checkpoint?: Checkpoint; signal?: AbortSignal } = {}): OperationContext & Recorded {
  const steps: string[] = [];
  const logs: Recorded['logs'] = [];
  return {
    signal: opts.signal ?? new AbortController().signal,
    log: recordingLogger(logs),
    attempt: 1,
    progress: (m: string) => void steps.push(m),
    checkpoint: opts.checkpoint ?? memoryCheckpoint(),
    steps,
    logs,
  };
}
