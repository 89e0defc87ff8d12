/**
 * Applies one finalized block: the provider's subscription events become deployment changes,
 * the outbox confirms its extrinsics found in the block (outbox/confirm.ts), and the cursor
 * moves, all in ONE SQLite transaction (a crash loses nothing and repeats nothing).
 */
import type { OGateContext } from '../context.ts';
import { absenceReason, applyLiveRecord, markAbsent, newAwardRow } from '../desired/derive.ts';
import type { DeploymentRow } from '../store/deployment-row.ts';
import { lossCauseText } from './records.ts';
import { eventsAt, subscriptionsAt, type BlockRef } from './read.ts';
import type { TypeCatalog } from './type-names.ts';
import { confirmIncluded, findIncluded } from '../outbox/confirm.ts';
import { serveChange } from '../desired/serve-change.ts';

type Step =
  | { kind: 'awarded' }
  | { kind: 'lost'; cause: string }
  | { kind: 'terminated'; reason: string }
  | { kind: 'touched' };

export interface BlockOutcome {
  served: DeploymentRow[];
  newFetches: number;
  finalizedReports: Array<{ id: number; queuedMs: number }>;
}

export async function applyBlock(ctx: OGateContext, types: TypeCatalog, block: BlockRef): Promise<BlockOutcome> {
  const { api, store } = ctx;
  const me = ctx.provider.account;
  const events = await eventsAt(api, block.hash);
  const steps = new Map<bigint, Step[]>();
  const push = (id: bigint, s: Step) => steps.set(id, [...(steps.get(id) ?? []), s]);
  for (const { event } of events) {
    const ev = api.events.subscriptions;
    if (ev.Awarded.is(event) && event.data[1].toString() === me) push(event.data[0].toBigInt(), { kind: 'awarded' });
    else if (ev.AwardLost.is(event) && event.data[1].toString() === me) push(event.data[0].toBigInt(), { kind: 'lost', cause: lossCauseText(event.data[2]) });
    else if (ev.Terminated.is(event) && event.data[1].toString() === me) push(event.data[0].toBigInt(), { kind: 'terminated', reason: event.data[2].type });
    else if (ev.StatusChanged.is(event) && event.data[1].toString() === me) push(event.data[0].toBigInt(), { kind: 'touched' });
    else if (ev.BillingStarted.is(event) || ev.Settled.is(event) || ev.ToppedUp.is(event) || ev.FundsLow.is(event) || ev.Purged.is(event)) {
      const id = (event.data[0] as { toBigInt(): bigint }).toBigInt();
      if (store.deployments.get(id.toString())?.desired === 'present') push(id, { kind: 'touched' });
    }
  }
  const records = steps.size ? await subscriptionsAt(api, block.hash, [...steps.keys()]) : new Map();
  const typeNames = new Map<number, string>();
  for (const r of records.values()) if (r) typeNames.set(r.typeId, (await types.get(r.typeId)).name);
  const included = await findIncluded(api, store, block, events);

  const outcome: BlockOutcome = { served: [], newFetches: 0, finalizedReports: [] };
  store.tx(() => {
    for (const [id, list] of steps) {
      const record = records.get(id);
      const before = store.deployments.get(id.toString());
      let row = before && { ...before };
      let changed = false;
      for (const step of list) {
        if (step.kind === 'awarded' && record) {
          row = newAwardRow({ id, record, typeName: typeNames.get(record.typeId)!, generation: (row?.generation ?? 0) + 1, now: block.number });
          outcome.newFetches++;
          changed = true;
        } else if (row && step.kind === 'lost') changed = markAbsent(row, `award lost: ${step.cause}`, false) || changed;
        else if (row && step.kind === 'terminated') changed = markAbsent(row, `terminated: ${step.reason}`, true) || changed;
      }
      if (!row) continue;
      if (row.desired === 'present') {
        if (record && record.provider === me && record.state !== 'terminated') changed = applyLiveRecord(row, record, block.number) || changed;
        else changed = markAbsent(row, absenceReason(record, me), record?.state === 'terminated') || changed;
      }
      if (!changed) store.deployments.put(row);
      else if (serveChange(store, before, row)) outcome.served.push(row);
    }
    outcome.finalizedReports = confirmIncluded(store, included, block);
    store.meta.setCursor(block);
  });
  return outcome;
}
