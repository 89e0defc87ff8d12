/**
 * Confirmation: the outbox's pending extrinsics found in a finalized block settle their
 * reports (each item's result from the block's events). `findIncluded` reads the block before
 * the block's transaction; `confirmIncluded` writes inside it, so the reports' finality and
 * the cursor move together (a crash repeats or loses nothing).
 */
import type { ApiPromise } from '@polkadot/api';
import type { FrameSystemEventRecord } from '@polkadot/types/lookup';
import { itemResults, type ItemResult } from '../chain/block-items.ts';
import type { BlockRef } from '../chain/read.ts';
import type { Store } from '../store/index.ts';
import type { DispatchErrorInfo } from '../store/report-rows.ts';

export interface IncludedExtrinsic {
  extrinsicId: number;
  reportIds: number[];
  items: ItemResult[];
  /** The whole extrinsic failed (its dispatch error), so every item did. */
  failed: DispatchErrorInfo | null;
}

/** Our pending outbox extrinsics included in this block, with their item results. */
export async function findIncluded(api: ApiPromise, store: Store, block: BlockRef, events: FrameSystemEventRecord[]): Promise<IncludedExtrinsic[]> {
  if (!store.extrinsics.pending().length) return [];
  const signed = await api.rpc.chain.getBlock(block.hash);
  const out: IncludedExtrinsic[] = [];
  signed.block.extrinsics.forEach((xt, index) => {
    const row = store.extrinsics.pendingByHash(xt.hash.toHex());
    if (!row) return;
    out.push({ extrinsicId: row.id, reportIds: row.reportIds, ...itemResults(api, events, index) });
  });
  return out;
}

const NO_RESULT: DispatchErrorInfo = { name: 'Unknown', docs: 'no item result in the block' };

/** Marks the extrinsics included and their reports finalized or failed (call inside the block's transaction). */
export function confirmIncluded(store: Store, included: IncludedExtrinsic[], block: BlockRef): Array<{ id: number; queuedMs: number }> {
  const finalized: Array<{ id: number; queuedMs: number }> = [];
  for (const x of included) {
    store.extrinsics.included(x.extrinsicId, block);
    x.reportIds.forEach((rid, i) => {
      const rep = store.reports.get(rid);
      if (!rep) return;
      const item = x.failed ? { ok: false, error: x.failed } : x.items[i];
      if (item?.ok) {
        store.reports.finalized(rid, block);
        finalized.push({ id: rid, queuedMs: rep.queuedMs });
      } else store.reports.failed(rid, block, item?.error ?? NO_RESULT);
    });
  }
  return finalized;
}
