import { truncateReason } from '@dinfra/runtime-specs';
import { responseError, type OGateClient, type ReportBody, type StatusReportRequest } from '@dinfra/ogate-contract';
import type { Logger } from '../backend.ts';
import { crashPoint } from '../crash-point.ts';
import type { ReactorStore, ReportedState } from '../store/index.ts';

/** What a reactor reports: the contract's report without its generation (running needs endpoints, failed a reason). */
export type Report = ReportBody;

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
    const endpoints = r.state === 'running' ? r.endpoints : [];
    const last = this.o.store.reports.get(id, generation);
    if (last && last.state === r.state && same(last.endpoints, endpoints) && (last.reason ?? '') === (r.reason ?? '')) return false;
    const body: StatusReportRequest = r.reason ? { ...r, generation, reason: truncateReason(r.reason) } : { ...r, generation };
    const { data, error, response } = await this.o.client.PUT('/v1/deployments/{id}/status', { params: { path: { id } }, body });
    if (!data) {
      this.o.onReport?.(r.state, response.status === 409 ? 'stale' : 'error');
      throw responseError(`report ${r.state} for deployment ${id} generation ${generation}`, response, error);
    }
    if (r.state === 'running') crashPoint('after-running-report');
    this.o.store.reports.set(id, generation, { state: r.state, endpoints, ...(r.reason ? { reason: r.reason } : {}) });
    this.o.onReport?.(r.state, response.status === 202 ? 'queued' : 'reflected');
    this.o.log.info({ subscription: id, generation, state: r.state, endpoints, reportId: data.reportId, status: data.status }, `reported ${r.state}`);
    return true;
  }
}
