import type { Logger } from 'pino';
import type { IncidentChange } from '../incidents/incident-engine.ts';
import { sign } from '../locations/signing.ts';
import type { Db } from '../store/database.ts';

export interface WebhookTarget {
  url: string;
  secret: string;
  events: IncidentChange['type'][];
}

export interface OutboxOptions {
  db: Db;
  webhooks: WebhookTarget[];
  location: string;
  initialBackoffMs: number;
  maxBackoffMs: number;
  timeoutMs: number;
  logger: Logger;
  onAttempt?: (ok: boolean, pending: number) => void;
}

type Row = { id: number; url: string; body: string; attempts: number };

/**
 * Webhooks from a durable queue in SQLite: an incident change is queued in the same transaction
 * that records it, then POSTed (JSON, `x-dinfra-signature: sha256=HMAC(secret, timestamp.body)`,
 * `x-dinfra-delivery` as the idempotency key) until the receiver answers 2xx, with exponential
 * backoff. A restart picks the queue up where it was: nothing is lost.
 */
export class WebhookOutbox {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private readonly secrets: Map<string, string>;

  constructor(private readonly o: OutboxOptions) {
    this.secrets = new Map(o.webhooks.map((w) => [w.url, w.secret]));
  }

  /** Queues a change for every webhook that wants it (call inside the recording transaction). */
  enqueue(change: IncidentChange, now = Date.now()): void {
    const body = JSON.stringify({ event: change.type, location: this.o.location, incident: change.incident });
    const insert = this.o.db.prepare('INSERT INTO webhook_outbox (url, body, created_at, next_at) VALUES (?, ?, ?, ?)');
    for (const w of this.o.webhooks) if (w.events.includes(change.type)) insert.run(w.url, body, now, now);
  }

  start(everyMs = 250): void {
    const loop = () => void this.deliverDue().finally(() => (this.timer = setTimeout(loop, everyMs)));
    this.timer = setTimeout(loop, 0);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  pending(): number {
    return (this.o.db.prepare('SELECT COUNT(*) n FROM webhook_outbox WHERE delivered_at IS NULL').get() as { n: number }).n;
  }

  /** One pass over what is due, in order per URL. */
  async deliverDue(now = Date.now()): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const rows = this.o.db.prepare('SELECT id, url, body, attempts FROM webhook_outbox WHERE delivered_at IS NULL AND next_at <= ? ORDER BY id LIMIT 100').all(now) as Row[];
      const blocked = new Set<string>();
      for (const row of rows) {
        if (blocked.has(row.url)) continue; // keep each receiver's events in order
        const ok = await this.post(row);
        if (!ok) blocked.add(row.url);
      }
    } finally {
      this.busy = false;
    }
  }

  private async post(row: Row): Promise<boolean> {
    const secret = this.secrets.get(row.url);
    const ts = Date.now();
    let error: string | undefined;
    if (secret === undefined) error = 'webhook no longer configured';
    else {
      try {
        const res = await fetch(row.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-dinfra-delivery': String(row.id), 'x-dinfra-timestamp': String(ts), 'x-dinfra-signature': sign(secret, ts, row.body) },
          body: row.body,
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (e) {
        error = String((e as Error & { cause?: Error }).cause?.message ?? (e as Error).message);
      }
    }
    const now = Date.now();
    if (error === undefined) this.o.db.prepare('UPDATE webhook_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?').run(now, row.id);
    else {
      const backoff = Math.min(this.o.maxBackoffMs, this.o.initialBackoffMs * 2 ** row.attempts);
      this.o.db.prepare('UPDATE webhook_outbox SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?').run(now + backoff, error, row.id);
      this.o.logger.warn({ url: row.url, delivery: row.id, attempt: row.attempts + 1, retryInMs: backoff, err: error }, 'webhook delivery failed');
    }
    this.o.onAttempt?.(error === undefined, this.pending());
    return error === undefined;
  }
}
