/** Counting on chain, block by block: StatusChanged per subscription and the operator's extrinsics. */
import type { ApiPromise } from '@polkadot/api';

export interface ChainCount {
  /** id -> statuses reported (in order), from StatusChanged events of `provider`. */
  statusChanges: Map<string, string[]>;
  /** Extrinsics signed by the operator, and the items of their batches. */
  operatorExtrinsics: number;
  itemsCompleted: number;
  itemsFailed: number;
  failures: string[];
}

export async function countChain(api: ApiPromise, from: number, to: number, provider: string, operator: string): Promise<ChainCount> {
  const out: ChainCount = { statusChanges: new Map(), operatorExtrinsics: 0, itemsCompleted: 0, itemsFailed: 0, failures: [] };
  for (let n = from; n <= to; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const [block, events] = await Promise.all([api.rpc.chain.getBlock(hash), (await api.at(hash)).query.system.events()]);
    const ours = new Set<number>();
    block.block.extrinsics.forEach((xt, i) => {
      if (xt.isSigned && xt.signer.toString() === operator) ours.add(i);
    });
    out.operatorExtrinsics += ours.size;
    for (const { phase, event } of events) {
      if (api.events.subscriptions.StatusChanged.is(event) && event.data[1].toString() === provider) {
        const id = event.data[0].toString();
        out.statusChanges.set(id, [...(out.statusChanges.get(id) ?? []), event.data[2].type]);
      }
      if (!phase.isApplyExtrinsic || !ours.has(phase.asApplyExtrinsic.toNumber())) continue;
      if (api.events.utility.ItemCompleted.is(event)) out.itemsCompleted++;
      if (api.events.utility.ItemFailed.is(event)) {
        out.itemsFailed++;
        const e = event.data[0];
        out.failures.push(e.isModule ? api.registry.findMetaError(e.asModule).name : e.type);
      }
    }
  }
  return out;
}
