/** The chain call of each report kind (Subscriptions.report_status / terminate). */
import { failureReason } from '@dinfra/runtime-specs';
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { ReportRow } from '../store/report-rows.ts';

export function callOf(api: ApiPromise, r: ReportRow): SubmittableExtrinsic<'promise'> {
  const id = BigInt(r.deploymentId);
  const tx = api.tx.subscriptions;
  switch (r.kind) {
    case 'provisioning':
      return tx.reportStatus(id, 'Provisioning');
    case 'running':
      return tx.reportStatus(id, { Running: { endpoints: r.endpoints ?? [] } });
    case 'degraded':
      return tx.reportStatus(id, 'Degraded');
    case 'failed':
      return tx.reportStatus(id, { Failed: { reason: failureReason(r.reason ?? '') } }); // hex: a reason that reads as hex stays text
    case 'terminate':
      return tx.terminate(id);
  }
}
