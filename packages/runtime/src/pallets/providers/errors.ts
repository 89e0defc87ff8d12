import { moduleErrors, type DispatchFailure } from '../../framework/dispatch-error.ts';

export const PROVIDERS_INDEX = 20;

/** Errors of the Providers pallet, in index order, with their docs. */
export const PROVIDERS_ERRORS = {
  AlreadyRegistered: 'The account is already registered as a provider.',
  NotProvider: 'The account is not a registered provider.',
  NameTaken: 'Another provider (or deployment type) already has this name.',
  BadName: 'The name is empty or longer than MaxNameLen bytes.',
  UrlTooLong: 'The API URL is empty or longer than MaxUrlLen bytes.',
  TooManyRegions: 'More than MaxRegions regions.',
  BadRegion: 'A region is empty or longer than MaxRegionLen bytes, or listed twice.',
  ZeroCapacity: 'An offering must have a capacity of at least 1 (use close_offering instead).',
  UnknownDeploymentType: 'No deployment type has this id.',
  NoSuchOffering: 'The provider has no offering of this deployment type.',
  TooManyOfferings: 'The deployment type already has MaxOfferingsPerType offerings.',
  AlreadyPaused: 'The provider is already paused.',
  NotPaused: 'The provider is not paused.',
  HasLiveSubscriptions: 'The provider still holds live subscriptions; they must end first.',
  InvalidCid: 'The CID is not a CIDv0 / CIDv1 string of at most MaxCidLen bytes.',
  NotAllowed: 'Only Root or a registered provider may register a deployment type.',
} as const;

export type ProvidersError = keyof typeof PROVIDERS_ERRORS;
/** The DispatchFailure for Providers error `name`. */
export const providersError: (name: ProvidersError) => DispatchFailure = moduleErrors('Providers', PROVIDERS_INDEX, PROVIDERS_ERRORS);
