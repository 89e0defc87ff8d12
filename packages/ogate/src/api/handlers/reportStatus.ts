/** PUT /v1/deployments/{id}/status: queue a report (202), or 200 when nothing needs to go on chain. */
import { truncateReason } from '@dinfra/runtime-specs';
import type { HandlerFactory } from '../deps.ts';
import { claimsOf, requireWrite, servedRow } from '../access.ts';
import { badRequest, HttpProblem, PROBLEM } from '../problem.ts';
import { applicability } from '../../outbox/reflected.ts';
import { effectiveState, legalNext } from '../../outbox/transitions.ts';
import type { ReportKind } from '../../store/report-rows.ts';

export const reportStatus: HandlerFactory<'reportStatus'> = ({ ctx }) => (c, _req, res) => {
  const { store, changes, metrics, log } = ctx;
  const id = String(c.request.params.id);
  // The contract (oneOf on state) has already held endpoints to running and a reason to failed.
  const body = c.request.requestBody;
  const endpoints = body.state === 'running' ? body.endpoints : null;
  for (const [i, e] of (endpoints ?? []).entries()) {
    if (Buffer.byteLength(e, 'utf8') > 256) throw badRequest('an endpoint is longer than 256 bytes', [{ path: `/endpoints/${i}`, message: 'at most 256 UTF-8 bytes' }]);
  }
  const kind: ReportKind = body.state;
  const reason = body.state === 'failed' ? truncateReason(body.reason) : null;
  const out = store.tx(() => {
    const row = servedRow(store, id, claimsOf(c));
    requireWrite(claimsOf(c));
    if (body.generation !== row.generation) {
      throw new HttpProblem(409, PROBLEM.staleGeneration, 'Stale generation', `deployment ${id} is at generation ${row.generation}, the report is for ${body.generation}`);
    }
    if (row.desired === 'absent') throw new HttpProblem(409, PROBLEM.absent, 'Deployment absent', `deployment ${id} is absent (${row.reason ?? 'award ended'})`);
    const open = store.reports.open(id, row.generation);
    const same = open.find((r) => r.kind === kind && JSON.stringify(r.endpoints) === JSON.stringify(endpoints) && (kind !== 'failed' || r.reason === reason));
    if (same && same.id === open[open.length - 1]!.id) return { status: 200, reportId: String(same.id), state: same.status };
    if (!open.length && applicability(row, { generation: body.generation, kind, endpoints }) === 'reflected') return { status: 200, reportId: null, state: 'reflected' as const };
    const from = effectiveState(row.state, open);
    if (!legalNext(from, kind, endpoints, row.endpoints)) {
      throw new HttpProblem(409, PROBLEM.illegalTransition, 'Illegal transition', `deployment ${id} is ${from}${open.length ? ' (with reports queued)' : ''}; ${kind} does not follow`);
    }
    const r = store.reports.queue({ deploymentId: id, generation: row.generation, kind, endpoints, reason });
    return { status: 202, reportId: String(r.id), state: r.status };
  });
  if (out.status === 202) {
    metrics.reportsQueued.inc({ kind });
    log.info({ subscription: id, report: out.reportId, kind }, 'report queued');
    changes.emit('outbox');
  }
  res.status(out.status).json({ reportId: out.reportId, status: out.state });
};
