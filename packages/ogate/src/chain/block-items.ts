/** The per-item results of our force_batch extrinsics in a block, from the block's events. */
import type { ApiPromise } from '@polkadot/api';
import type { FrameSystemEventRecord } from '@polkadot/types/lookup';
import type { DispatchErrorInfo } from '../store/report-rows.ts';
import { decodeDispatchError } from './dispatch-error.ts';

export interface ItemResult {
  ok: boolean;
  error: DispatchErrorInfo | null;
}

/** Item results of the extrinsic at `index` (a force_batch): one per ItemCompleted / ItemFailed, in order. */
export function itemResults(api: ApiPromise, events: FrameSystemEventRecord[], index: number): { items: ItemResult[]; failed: DispatchErrorInfo | null } {
  const items: ItemResult[] = [];
  let failed: DispatchErrorInfo | null = null;
  for (const { phase, event } of events) {
    if (!phase.isApplyExtrinsic || phase.asApplyExtrinsic.toNumber() !== index) continue;
    if (api.events.utility.ItemCompleted.is(event)) items.push({ ok: true, error: null });
    else if (api.events.utility.ItemFailed.is(event)) items.push({ ok: false, error: decodeDispatchError(api, event.data[0]) });
    else if (api.events.system.ExtrinsicFailed.is(event)) failed = decodeDispatchError(api, event.data[0]);
  }
  return { items, failed };
}
