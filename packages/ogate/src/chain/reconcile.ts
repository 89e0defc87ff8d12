/**
 * Reconcile from chain storage at a finalized block: every live subscription of the provider
 * (paged through DinfraApi.subscriptions_of_provider) becomes or updates a deployment; rows
 * present in the store but no longer the provider's become absent. One transaction, with the
 * cursor. (Pending outbox extrinsics whose block was not seen are settled by outbox/recover.ts,
 * by the operator's nonce.)
 */
import type { OGateContext } from '../context.ts';
import { absenceReason, applyLiveRecord, generationAtReconcile, markAbsent, newAwardRow } from '../desired/derive.ts';
import type { DeploymentRow } from '../store/deployment-row.ts';
import { liveIdsOf, subscriptionsAt, type BlockRef } from './read.ts';
import type { TypeCatalog } from './type-names.ts';
import { serveChange } from '../desired/serve-change.ts';

export interface ReconcileOutcome {
  live: number;
  added: number;
  updated: number;
  removed: number;
  served: DeploymentRow[];
}

export async function reconcile(ctx: OGateContext, types: TypeCatalog, at: BlockRef): Promise<ReconcileOutcome> {
  const { api, store } = ctx;
  const me = ctx.provider.account;
  const ids = await liveIdsOf(api, at.hash, me);
  const live = new Set(ids.map(String));
  const gone = store.deployments.present().filter((d) => !live.has(d.id)).map((d) => BigInt(d.id));
  const records = await subscriptionsAt(api, at.hash, [...ids, ...gone]);
  const typeNames = new Map<number, string>();
  for (const r of records.values()) if (r) typeNames.set(r.typeId, (await types.get(r.typeId)).name);

  const out: ReconcileOutcome = { live: ids.length, added: 0, updated: 0, removed: 0, served: [] };
  store.tx(() => {
    for (const id of ids) {
      const record = records.get(id);
      if (!record) continue;
      const existing = store.deployments.get(id.toString());
      const before = existing;
      const generation = generationAtReconcile(record, me);
      let row: DeploymentRow;
      let changed: boolean;
      if (!existing || existing.generation !== generation || existing.awardedAt !== record.awardedAt) {
        row = newAwardRow({ id, record, typeName: typeNames.get(record.typeId)!, generation, now: at.number });
        out.added++;
        changed = true;
      } else {
        row = { ...existing };
        changed = applyLiveRecord(row, record, at.number);
        if (changed) out.updated++;
      }
      if (changed && serveChange(store, before, row)) out.served.push(row);
    }
    for (const id of gone) {
      const before = store.deployments.get(id.toString())!;
      const row = { ...before };
      const record = records.get(id);
      if (markAbsent(row, absenceReason(record, me), record?.state === 'terminated')) {
        out.removed++;
        if (serveChange(store, before, row)) out.served.push(row);
      }
    }
    store.meta.setCursor(at);
  });
  return out;
}
