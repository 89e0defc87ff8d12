/** GET /v1/reports/{reportId}: where a report is on its way to the chain. */
import type { HandlerFactory } from '../deps.ts';
import { claimsOf } from '../access.ts';
import { forbidden, notFound } from '../problem.ts';

export const getReport: HandlerFactory<'getReport'> = ({ ctx }) => (c, _req, res) => {
  const { store } = ctx;
  const id = Number(c.request.params.reportId);
  const r = Number.isSafeInteger(id) ? store.reports.get(id) : undefined;
  if (!r) throw notFound(`no report ${String(c.request.params.reportId)}`);
  const row = store.deployments.get(r.deploymentId);
  if (!row || !claimsOf(c).types.includes(row.type)) {
    if (!row) throw notFound(`no report ${id}`);
    throw forbidden(`the token does not cover deployment type ${row.type}`);
  }
  const x = r.extrinsicId === null ? undefined : store.extrinsics.get(r.extrinsicId);
  res.json({
    reportId: String(r.id),
    deploymentId: r.deploymentId,
    generation: r.generation,
    kind: r.kind,
    ...(r.endpoints ? { endpoints: r.endpoints } : {}),
    reason: r.reason,
    status: r.status,
    extrinsicHash: x && r.status !== 'queued' && r.status !== 'reflected' ? x.hash : null,
    blockHash: r.blockHash,
    blockNumber: r.blockNumber,
    error: r.error,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
};
