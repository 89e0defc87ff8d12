import pino from 'pino';

/** One call, as the access log keeps it (and `dinfra-gateway report` reads it). */
export interface AccessRecord {
  pool: string;
  ip: string;
  key: string | undefined;
  method: string;
  id: unknown;
  upstream: string;
  latencyMs: number;
  reqBytes: number;
  resBytes: number;
  status: 'ok' | number;
}

export interface AccessLogOptions {
  enabled: boolean;
  /** JSON lines (else short readable lines); a file is always JSON. */
  json: boolean;
  file?: string | undefined;
  /** Fraction of successful calls kept; errors always are. */
  sample: number;
  flushMs: number;
  /** Where lines go instead of stdout / the file (tests, benches). */
  write?: (chunk: string) => void;
  /** Counts lines written and calls sampled out. */
  counter?: { inc(labels: { result: string }, n?: number): void };
}

interface Destination {
  write(chunk: string): unknown;
  flushSync?(): void;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The access log kept off the hot path: a call costs an array push; every `flushMs` the batch is
 * formatted into one string and handed to an asynchronous writer in one write. With `sample` < 1
 * only that fraction of successful calls is kept, and each line says so (`"sample":0.1`) so that
 * the report scales its counts back.
 */
export class AccessLog {
  #batch: AccessRecord[] = [];
  #times: number[] = [];
  readonly #dest: Destination | undefined;
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #json: boolean;
  /** Lines written (and calls sampled out), for the bench and /metrics. */
  written = 0;
  skipped = 0;

  constructor(private readonly o: AccessLogOptions) {
    this.#json = o.json || o.file !== undefined;
    if (!o.enabled) return;
    this.#dest = o.write ? { write: o.write } : pino.destination({ dest: o.file ?? 1, sync: false, append: true, mkdir: true, minLength: 0 });
    this.#timer = setInterval(() => this.flush(), o.flushMs);
    this.#timer.unref();
  }

  get enabled(): boolean {
    return this.#dest !== undefined;
  }

  record(r: AccessRecord): void {
    if (!this.#dest) return;
    if (r.status === 'ok' && this.o.sample < 1 && Math.random() >= this.o.sample) {
      this.skipped++;
      this.o.counter?.inc({ result: 'skipped' });
      return;
    }
    this.#batch.push(r);
    this.#times.push(Date.now());
  }

  /** Formats and writes what is queued (one write). */
  flush(): void {
    if (!this.#dest || this.#batch.length === 0) return;
    const batch = this.#batch;
    const times = this.#times;
    this.#batch = [];
    this.#times = [];
    let out = '';
    const sample = this.o.sample < 1 ? `,"sample":${this.o.sample}` : '';
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i]!;
      const t = times[i]!;
      if (this.#json) {
        const key = r.key !== undefined ? `,"key":${JSON.stringify(r.key)}` : '';
        const rs = r.status === 'ok' ? (sample || '') : '';
        out += `{"level":30,"time":${t},"service":"dinfra-gateway","name":"access","pool":${JSON.stringify(r.pool)},"ip":${JSON.stringify(r.ip)}${key},"method":${JSON.stringify(r.method)},"id":${JSON.stringify(r.id ?? null)},"upstream":${JSON.stringify(r.upstream)},"latencyMs":${r.latencyMs},"reqBytes":${r.reqBytes},"resBytes":${r.resBytes},"status":${r.status === 'ok' ? '"ok"' : r.status}${rs},"msg":"call"}\n`;
      } else {
        const d = new Date(t);
        out += `[${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}] INFO: access ${r.pool} ${r.ip} ${r.method} -> ${r.upstream} ${r.latencyMs} ms ${r.status}\n`;
      }
    }
    this.written += batch.length;
    this.o.counter?.inc({ result: 'written' }, batch.length);
    this.#dest.write(out);
  }

  close(): void {
    clearInterval(this.#timer);
    this.flush();
    try {
      this.#dest?.flushSync?.();
    } catch {
      /* an asynchronous destination still opening: nothing was queued */
    }
  }
}
