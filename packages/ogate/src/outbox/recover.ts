/**
 * Settles the outbox's pending extrinsics against the chain, at start and after any error.
 * A nonce can be used once, so each pending extrinsic keeps its nonce for life: re-signing
 * it (new era, items the chain reflects dropped) can never land twice.
 *
 * - nonce < the operator's nonce at the cursor block, still pending: it landed in a block the
 *   follower did not match (e.g. a reconcile jump): settle its reports by the chain state;
 * - nonce < system_accountNextIndex: in the pool or a non-finalized block: leave it;
 * - otherwise it is nowhere: re-sign it with the same nonce and submit.
 * Returns the extrinsics to re-sign and the next local nonce.
 */
import type { OGateContext } from '../context.ts';
import { applicability } from './reflected.ts';
import type { ExtrinsicRow } from '../store/report-rows.ts';

export interface RecoveryPlan {
  resign: ExtrinsicRow[];
  nextNonce: number;
}

export async function planRecovery(ctx: OGateContext): Promise<RecoveryPlan> {
  const { api, store, operator } = ctx;
  const poolNext = (await api.rpc.system.accountNextIndex(operator.address)).toNumber();
  const cursor = store.meta.cursor();
  const atCursor = cursor ? (await (await api.at(cursor.hash)).query.system.account(operator.address)).nonce.toNumber() : 0;
  const pending = store.extrinsics.pending();
  const resign: ExtrinsicRow[] = [];
  for (const x of pending) {
    if (x.nonce < atCursor) settleByState(ctx, x);
    else if (x.nonce >= poolNext) resign.push(x);
  }
  ctx.log.debug({ poolNext, atCursor, cursor: cursor?.number, pending: pending.map((x) => x.nonce), resign: resign.map((x) => x.nonce) }, 'outbox recovery check');
  const maxPending = pending.reduce((m, x) => Math.max(m, x.nonce + 1), 0);
  return { resign, nextNonce: Math.max(poolNext, maxPending) };
}

function settleByState(ctx: OGateContext, x: ExtrinsicRow): void {
  const { store } = ctx;
  store.tx(() => {
    store.extrinsics.setStatus(x.id, 'included');
    for (const rid of x.reportIds) {
      const r = store.reports.get(rid);
      if (!r || !['submitted', 'in-block', 'queued'].includes(r.status)) continue;
      const ok = applicability(store.deployments.get(r.deploymentId), r) === 'reflected';
      if (ok) store.reports.finalized(rid, null);
      else store.reports.failed(rid, null, { name: 'Unknown', docs: 'the extrinsic landed in a block OGate did not match; the chain state does not reflect this report' });
    }
  });
  ctx.log.warn({ nonce: x.nonce, hash: x.hash }, 'outbox extrinsic settled by chain state (its block was not matched)');
}
