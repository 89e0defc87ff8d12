/** POST /v1/deployments/{id}/terminate: the provider ends the subscription (operator-signed `terminate`). */
import { truncateReason } from '@dinfra/runtime-specs';
import type { HandlerFactory } from '../deps.ts';
import { claimsOf, requireWrite, servedRow } from '../access.ts';

export const terminateDeployment: HandlerFactory<'terminateDeployment'> = ({ ctx }) => (c, _req, res) => {
  const { store, changes, metrics, log } = ctx;
  const id = String(c.request.params.id);
  const { reason } = c.request.requestBody;
  const out = store.tx(() => {
    const row = servedRow(store, id, claimsOf(c));
    requireWrite(claimsOf(c));
    if (row.desired === 'absent' || row.state === 'terminated') return { status: 200, reportId: null, state: 'reflected' as const };
    const queued = store.reports.open(id, row.generation).find((r) => r.kind === 'terminate');
    if (queued) return { status: 200, reportId: String(queued.id), state: queued.status };
    const r = store.reports.queue({ deploymentId: id, generation: row.generation, kind: 'terminate', reason: truncateReason(reason, 1024) });
    return { status: 202, reportId: String(r.id), state: r.status };
  });
  if (out.status === 202) {
    metrics.reportsQueued.inc({ kind: 'terminate' });
    log.info({ subscription: id, report: out.reportId }, 'termination queued');
    changes.emit('outbox');
  }
  res.status(out.status).json({ reportId: out.reportId, status: out.state });
};
