export type * from './types.ts';
export { decodeSubscription, opt, toDeploymentType, toLossCause, toOffering, toProvider, toSubscription, toTarget } from './records.ts';
export { decodeDispatchError } from './dispatch-error.ts';
export type { DecodedDispatchError, DispatchErrorLike } from './dispatch-error.ts';
export { legalReport, REPORT_TRANSITIONS, stateAfter } from './report-transitions.ts';
export type { ReportFrom, ReportKind } from './report-transitions.ts';
export { blocksUntil, remainingDeposit, runwayBlocks } from './billing.ts';
