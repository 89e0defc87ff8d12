import { moduleErrors, type DispatchFailure } from '../../framework/dispatch-error.ts';

export const SUBSCRIPTIONS_INDEX = 21;

/** Errors of the Subscriptions pallet, in index order, with their docs. */
export const SUBSCRIPTIONS_ERRORS = {
  InvalidCid: 'The descriptor CID is not a CIDv0 / CIDv1 string of at most MaxCidLen bytes.',
  DepositBelowMinimum: 'The deposit is below MinimumDeposit.',
  UnknownDeploymentType: 'No deployment type has this id.',
  UnknownProvider: 'The named provider is not registered.',
  TooManyAllowedProviders: 'The allow-list has more than MaxAllowList providers.',
  BadRegion: 'The region is empty or longer than MaxRegionLen bytes.',
  NoOfferingOfType: 'No open offering of the type from an active (not paused) provider (in the allow-list, if any).',
  NoOfferingInRegion: 'Open offerings of the type exist, but none in the requested region.',
  AllOfferingsTooExpensive: 'Every offering that matches costs more per block than max_price_per_block.',
  AllOfferingsFull: 'Every offering that matches and is affordable has no free capacity.',
  UnknownSubscription: 'No subscription has this id (never existed, or purged).',
  AlreadyTerminated: 'The subscription is terminated.',
  NotSubscriber: 'Only the subscriber may do this.',
  NotAssignedProvider: 'Only the assigned provider or its operator may report the status.',
  NotAllowed: 'Only the subscriber, or the assigned provider or its operator, may terminate.',
  IllegalTransition: 'The reported status does not follow from the current one.',
  TooManyEndpoints: 'A Running report lists no endpoint or more than MaxEndpoints.',
  BadEndpoint: 'An endpoint is empty or longer than MaxEndpointLen bytes.',
  ZeroAmount: 'The amount must be positive.',
  NotBilling: 'The subscription is not being billed (it has not reported Running yet).',
  BadReason: 'A Failed report\'s reason is longer than MaxReasonLen bytes or not UTF-8.',
} as const;

export type SubscriptionsError = keyof typeof SUBSCRIPTIONS_ERRORS;
/** The DispatchFailure for Subscriptions error `name`. */
export const subscriptionsError: (name: SubscriptionsError) => DispatchFailure = moduleErrors('Subscriptions', SUBSCRIPTIONS_INDEX, SUBSCRIPTIONS_ERRORS);
