// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

import type { Option, Struct, u32 } from '@polkadot/types-codec';
import type { AccountId, Balance } from '@polkadot/types/interfaces/runtime';

/** @name DinfraBillingInfo */
export interface DinfraBillingInfo extends Struct {
  readonly owed: Balance;
  readonly remaining: Balance;
  readonly settledTo: Option<u32>;
  readonly expiresAt: Option<u32>;
}

/** @name DinfraQuote */
export interface DinfraQuote extends Struct {
  readonly provider: AccountId;
  readonly pricePerBlock: Balance;
}

export type PHANTOM_DINFRA = 'dinfra';
