import type { OGateClient } from '@dinfra/ogate/client';
import type { Logger } from '../backend.ts';
import { crashPoint } from '../crash-point.ts';
import type { ReactorStore, ReportedState } from '../store/index.ts';
import { OGateError, StaleGenerationError } from './errors.ts';

export interface Report {
  readonly state: ReportedState;
  readonly endpoints?: readonly string[];
  readonly reason?: string;
}

/** At most 256 UTF-8 bytes go on chain: cut on a character boundary. */
export function truncateReason(reason: string, maxBytes = 256): string {
  const bytes = Buffer.from(reason, 'utf8');
  if (bytes.length <= maxBytes) return reason;
  let s = bytes.subarray(0, maxBytes).toString('utf8');
  while (Buffer.byteLength(s) > maxBytes || s.endsWith('\uFFFD')) s = s.slice(0, -1);
  return s;
}

const same = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Status reports through `PUT /v1/deployments/{id}/status`. A report equal to the last one
 * accepted for (id, generation) is not sent again; 409 throws `StaleGenerationError`.
 */
export class Reporter {
  constructor(private readonly o: { client: OGateClient; store: ReactorStore; log: Logger; onReport?: (state: ReportedState, result: string) => void }) {}

  last(id: string, generation: number) {
    return this.o.store.reports.get(id, generation);
  }

  /** Sends the report unless it is already the last accepted one; true when sent. */
  async report(id: string, generation: number, r: Report): Promise<boolean> {
    const last = this.o.store.reports.get(id, generation);
    if (last && last.state === r.state && same(last.endpoints, r.endpoints) && (last.reason ?? '') === (r.reason ?? '')) return false;
    const body = {
      generation,
      state: r.state,
      ...(r.endpoints?.length ? { endpoints: [...r.endpoints] } : {}),
      ...(r.reason ? { reason: truncateReason(r.reason) } : {}),
    };
    const { data, error, response } = await this.o.client.PUT('/v1/deployments/{id}/status', { params: { path: { id } }, body });
    if (response.status === 409) {
      this.o.onReport?.(r.state, 'stale');
      throw new StaleGenerationError(`deployment ${id} generation ${generation}: ${(error as { detail?: string } | undefined)?.detail ?? 'stale generation'}`);
    }
    if (!data) {
      this.o.onReport?.(r.state, 'error');
      throw new OGateError(`report ${r.state} for ${id}/${generation}: HTTP ${response.status} ${(error as { title?: string; detail?: string } | undefined)?.detail ?? ''}`.trim(), response.status);
    }
    if (r.state === 'running') crashPoint('after-running-report');
    this.o.store.reports.set(id, generation, { state: r.state, endpoints: r.endpoints ?? [], ...(r.reason ? { reason: r.reason } : {}) });
    this.o.onReport?.(r.state, response.status === 202 ? 'queued' : 'reflected');
    this.o.log.info({ subscription: id, generation, state: r.state, endpoints: r.endpoints, reportId: data.reportId, status: data.status }, `reported ${r.state}`);
    return true;
  }
}
