import { DIN } from '../providers/constants.ts';

/** Constants of the Subscriptions pallet (see runtime-specs/dinfra.md, "Constants"). */

/** Smallest deposit `subscribe` accepts (also for free offerings). */
export const MINIMUM_DEPOSIT = 1n * DIN;
/** Blocks an awarded provider has to report Provisioning. */
export const ACK_TIMEOUT = 20;
/** `FundsLow` is emitted this many blocks before the expiry block. */
export const LOW_FUNDS_WARNING = 100;
/** Blocks a terminated subscription stays in storage before it is purged. */
export const TERMINATED_RETENTION = 14_400;
/** Providers in a selector's allow-list. */
export const MAX_ALLOW_LIST = 16;
/** Endpoints of a Running report, each 1..=MaxEndpointLen bytes. */
export const MAX_ENDPOINTS = 8;
export const MAX_ENDPOINT_LEN = 256;
/** Providers that may lose the award of one subscription before it is terminated. */
export const MAX_AWARD_ATTEMPTS = 8;
/** Bytes of a Failed report's reason (UTF-8). */
export const MAX_REASON_LEN = 256;
/** Largest page a DinfraApi listing returns. */
export const MAX_PAGE = 1000;
