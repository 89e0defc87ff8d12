import { T } from '../../scale/type-desc.ts';
import { Balance } from '../../framework/common-types.ts';
import { definePallet } from '../../framework/pallet.ts';
import * as C from './constants.ts';
import { SUBSCRIPTIONS_ERRORS, SUBSCRIPTIONS_INDEX } from './errors.ts';
import { SUBSCRIPTIONS_EVENTS } from './events.ts';
import { SubscriptionsStorage } from './storage.ts';
import { subscribe } from './calls/subscribe.ts';
import { reportStatus } from './calls/report-status.ts';
import { settleCall, terminateCall, topUp } from './calls/funds.ts';
import { onInitialize } from './hooks.ts';

/**
 * `Subscriptions` (index 21): award, life cycle, lazy billing and expiry of deployments.
 * The normative description is runtime-specs/dinfra.md.
 */
export const Subscriptions = definePallet({
  name: 'Subscriptions',
  index: SUBSCRIPTIONS_INDEX,
  crate: 'pallet_dinfra_subscriptions',
  docs: [' Subscriptions to deployments: award, status, billing, expiry.'],
  storage: SubscriptionsStorage,
  calls: {
    subscribe,
    report_status: reportStatus,
    top_up: topUp,
    terminate: terminateCall,
    settle: settleCall,
  },
  events: SUBSCRIPTIONS_EVENTS,
  errors: SUBSCRIPTIONS_ERRORS,
  constants: {
    MinimumDeposit: { type: Balance, value: C.MINIMUM_DEPOSIT, docs: [' The smallest deposit `subscribe` accepts.'] },
    AckTimeout: { type: T.u32, value: C.ACK_TIMEOUT, docs: [' Blocks an awarded provider has to report Provisioning.'] },
    LowFundsWarning: { type: T.u32, value: C.LOW_FUNDS_WARNING, docs: [' FundsLow is emitted this many blocks before expiry.'] },
    TerminatedRetention: { type: T.u32, value: C.TERMINATED_RETENTION, docs: [' Blocks a terminated subscription stays in storage.'] },
    MaxAllowList: { type: T.u32, value: C.MAX_ALLOW_LIST, docs: [' Maximum providers in a selector allow-list.'] },
    MaxEndpoints: { type: T.u32, value: C.MAX_ENDPOINTS, docs: [' Maximum endpoints of a Running report.'] },
    MaxEndpointLen: { type: T.u32, value: C.MAX_ENDPOINT_LEN, docs: [' Maximum length of an endpoint, in bytes.'] },
    MaxAwardAttempts: { type: T.u32, value: C.MAX_AWARD_ATTEMPTS, docs: [' A subscription is awarded at most this many times.'] },
    MaxReasonLen: { type: T.u32, value: C.MAX_REASON_LEN, docs: [' Maximum length of a Failed report\'s reason, in bytes (UTF-8).'] },
  },
  hooks: { onInitialize },
});

export { SubscriptionsStorage } from './storage.ts';
export { SUBSCRIPTIONS_ERRORS, subscriptionsError } from './errors.ts';
export { chooseOffering, prefer } from './award.ts';
export type { Award } from './award.ts';
export { expiryBlock, owedAt } from './billing.ts';
export * as SubscriptionsConstants from './constants.ts';
export type { SubscriptionValue, TargetValue, StatusValue, StatusReportValue, TerminationReasonName, LossCauseValue, AwardLossValue } from './types.ts';
