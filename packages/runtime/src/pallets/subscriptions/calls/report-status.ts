import type { CallDef } from '../../../framework/pallet.ts';
import type { Env } from '../../../framework/env.ts';
import type { Origin } from '../../../framework/origin.ts';
import { DispatchFailure, badOrigin } from '../../../framework/dispatch-error.ts';
import { hexToBytes } from '../../../scale/hex.ts';
import { actsFor } from '../../providers/util.ts';
import { byteLen } from '../../providers/util.ts';
import { startBilling } from '../billing.ts';
import { MAX_ENDPOINTS, MAX_ENDPOINT_LEN, MAX_REASON_LEN } from '../constants.ts';
import { subscriptionsError } from '../errors.ts';
import { emitSubscriptions } from '../events.ts';
import { loseAward } from '../lifecycle.ts';
import { unschedule } from '../agenda.ts';
import { mustLive } from '../load.ts';
import { SubscriptionsStorage as S } from '../storage.ts';
import { StatusReport, SubscriptionId, type LossCauseValue, type StatusReportValue, type StatusValue, type SubscriptionValue } from '../types.ts';

interface ReportArgs {
  id: bigint;
  report: StatusReportValue;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether 0x-hex `reason` is at most MaxReasonLen bytes of UTF-8 (as Rust's `str::from_utf8` decides). */
export function isValidReason(reason: string): boolean {
  if (byteLen(reason) > MAX_REASON_LEN) return false;
  try {
    utf8.decode(hexToBytes(reason));
    return true;
  } catch {
    return false;
  }
}

/** What a legal report leads to: the next status, or the loss of the award (Failed, with its reason). */
export type ReportOutcome = StatusValue | Extract<LossCauseValue, { type: 'Failed' }>;

/** The outcome of a legal report; throws IllegalTransition (or an endpoint / reason error). */
export function nextStatus(current: StatusValue, report: StatusReportValue): ReportOutcome {
  const from = current.type;
  switch (report.type) {
    case 'Provisioning':
      if (from !== 'Awarded') break;
      return { type: 'Provisioning' };
    case 'Running': {
      const eps = report.value.endpoints;
      if (eps.length < 1 || eps.length > MAX_ENDPOINTS) throw subscriptionsError('TooManyEndpoints');
      for (const e of eps) if (byteLen(e) < 1 || byteLen(e) > MAX_ENDPOINT_LEN) throw subscriptionsError('BadEndpoint');
      if (from === 'Provisioning' || from === 'Degraded') return { type: 'Running', value: { endpoints: eps } };
      if (from === 'Running' && !sameList(current.value.endpoints, eps)) return { type: 'Running', value: { endpoints: eps } };
      break;
    }
    case 'Degraded':
      if (current.type !== 'Running') break;
      return { type: 'Degraded', value: { endpoints: current.value.endpoints } };
    case 'Failed':
      if (!isValidReason(report.value.reason)) throw subscriptionsError('BadReason');
      return { type: 'Failed', value: { reason: report.value.reason } };
  }
  throw subscriptionsError('IllegalTransition');
}

/** Every check of report_status, without changing anything (also decides the fee waiver). */
export function checkReport(env: Env, origin: Origin, a: ReportArgs): { sub: SubscriptionValue; next: ReportOutcome } {
  if (origin.type !== 'Signed') throw badOrigin();
  const sub = mustLive(env, a.id);
  if (!actsFor(env, origin.who, sub.provider)) throw subscriptionsError('NotAssignedProvider');
  return { sub, next: nextStatus(sub.status, a.report) };
}

export const reportStatus: CallDef<ReportArgs> = {
  index: 1,
  args: [['id', SubscriptionId, 'SubscriptionId'], ['report', StatusReport, 'StatusReport']],
  weight: 1_000_000_000n,
  paysFee: (env, origin, a) => {
    try {
      checkReport(env, origin, a);
      return false;
    } catch (e) {
      if (e instanceof DispatchFailure) return true;
      throw e;
    }
  },
  docs: [
    ' The assigned provider (or its operator) reports the deployment\'s status. Only legal',
    ' transitions are accepted; a valid report pays no fee. Failed loses the award; its reason',
    ' (UTF-8, at most MaxReasonLen bytes) is carried in AwardLost and kept in `last_loss`.',
  ],
  handler: (env, origin, a) => {
    const { sub, next } = checkReport(env, origin, a);
    const now = env.blockNumber;
    if (next.type === 'Failed') {
      loseAward(env, a.id, sub, next);
      return;
    }
    if (next.type === 'Provisioning') {
      unschedule(env, sub.ack_deadline, a.id);
      sub.ack_deadline = undefined;
    }
    sub.status = next;
    emitSubscriptions(env, 'StatusChanged', { id: a.id, provider: sub.provider, status: next });
    if (next.type === 'Running' && sub.settled_to === undefined) startBilling(env, a.id, sub, now);
    S.Subscriptions.set(env.state, a.id, sub);
  },
};
