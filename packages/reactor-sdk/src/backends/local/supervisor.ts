import type { Logger } from '../../backend.ts';
import { isSameProcess } from './proc.ts';
import type { LocalRecord, MemberRecord } from './record.ts';

export interface SupervisorOptions {
  readonly records: () => LocalRecord[];
  /** Starts a dead member again (and saves the record). */
  readonly restart: (rec: LocalRecord, m: MemberRecord) => Promise<void>;
  readonly log: Logger;
  /** @default 1000 */
  readonly intervalMs?: number;
  /** First restart delay, doubled per quick failure. @default 500 */
  readonly initialBackoffMs?: number;
  /** @default 30000 */
  readonly maxBackoffMs?: number;
}

interface Backoff { failures: number; nextAt: number; startedAt: number }

/** A member alive this long counts as recovered: the next death restarts it at once. */
const STABLE_MS = 30_000;

/**
 * Watches every member of every running local deployment (through /proc, so adopted
 * processes count too) and starts dead ones again with an exponential backoff.
 */
export class Supervisor {
  readonly #backoff = new Map<string, Backoff>();
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;
  #stopped = false;

  constructor(private readonly o: SupervisorOptions) {}

  start(): void {
    this.#timer = setInterval(() => void this.tick(), this.o.intervalMs ?? 1000);
    this.#timer.unref();
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }

  /** Forgets the back-off of a deployment (after destroy or an explicit restart). */
  reset(name: string): void {
    for (const k of this.#backoff.keys()) if (k.startsWith(`${name}/`)) this.#backoff.delete(k);
  }

  async tick(now = Date.now()): Promise<void> {
    if (this.#ticking || this.#stopped) return;
    this.#ticking = true;
    try {
      for (const rec of this.o.records()) {
        if (this.#stopped) return;
        if (rec.state !== 'running') continue;
        for (const m of rec.members) {
          if (m.pid !== undefined && m.startTime !== undefined && isSameProcess(m.pid, m.startTime)) continue;
          await this.#maybeRestart(rec, m, now);
        }
      }
    } catch (err) {
      this.o.log.error({ err }, 'supervisor pass failed');
    } finally {
      this.#ticking = false;
    }
  }

  async #maybeRestart(rec: LocalRecord, m: MemberRecord, now: number): Promise<void> {
    const k = `${rec.name}/${m.member}`;
    const b = this.#backoff.get(k) ?? { failures: 0, nextAt: 0, startedAt: 0 };
    if (now < b.nextAt) return;
    b.failures = now - b.startedAt > STABLE_MS ? 1 : b.failures + 1;
    const delay = Math.min((this.o.initialBackoffMs ?? 500) * 2 ** (b.failures - 1), this.o.maxBackoffMs ?? 30_000);
    b.nextAt = now + delay;
    b.startedAt = now;
    this.#backoff.set(k, b);
    this.o.log.warn({ resource: rec.name, member: m.member, pid: m.pid, failures: b.failures, nextRetryMs: delay }, 'process died: restarting');
    try {
      await this.o.restart(rec, m);
    } catch (err) {
      this.o.log.error({ resource: rec.name, member: m.member, err }, 'restart failed');
    }
  }
}
