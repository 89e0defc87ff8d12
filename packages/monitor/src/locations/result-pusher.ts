import type { Logger } from 'pino';
import type { CheckResult } from '../checks/types.ts';
import { sign } from './signing.ts';

const MAX_BUFFERED = 50_000;

/**
 * A probe location that is not the recorder: sends its results to the recorder's
 * `POST /api/results`, signed (HMAC-SHA256 with the location's secret); keeps what could not be
 * sent and tries again with the next batch.
 */
export class ResultPusher {
  private buffer: CheckResult[] = [];
  private sending = false;

  constructor(private readonly o: { url: string; secret: string; location: string; logger: Logger }) {}

  push(results: CheckResult[]): void {
    this.buffer.push(...results);
    if (this.buffer.length > MAX_BUFFERED) this.buffer.splice(0, this.buffer.length - MAX_BUFFERED);
    void this.send();
  }

  private async send(): Promise<void> {
    if (this.sending || !this.buffer.length) return;
    this.sending = true;
    const batch = this.buffer.slice(0, 1000);
    try {
      const body = JSON.stringify({ location: this.o.location, results: batch });
      const ts = Date.now();
      const res = await fetch(new URL('/api/results', this.o.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dinfra-location': this.o.location, 'x-dinfra-timestamp': String(ts), 'x-dinfra-signature': sign(this.o.secret, ts, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`${res.status} ${(await res.text()).slice(0, 200)}`);
      this.buffer.splice(0, batch.length);
    } catch (e) {
      this.o.logger.warn({ err: (e as Error).message, buffered: this.buffer.length }, 'cannot push results to the recorder');
    } finally {
      this.sending = false;
    }
  }
}
