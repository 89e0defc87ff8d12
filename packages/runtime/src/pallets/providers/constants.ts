/** Limits and deposits of the Providers pallet (see runtime-specs/dinfra.md, "Constants"). */
export const DIN = 1_000_000_000_000n;

/** Reserved from a provider's account by `register`, released by `deregister`. */
export const PROVIDER_DEPOSIT = 100n * DIN;
/** Reserved from a provider that registers a deployment type (Root registers without deposit). */
export const TYPE_DEPOSIT = 10n * DIN;
/** Provider and deployment type names: 1..=64 bytes. */
export const MAX_NAME_LEN = 64;
/** Provider API URL: at most 256 bytes. */
export const MAX_URL_LEN = 256;
/** Regions of an offering: at most 16, each 1..=32 bytes. */
export const MAX_REGIONS = 16;
export const MAX_REGION_LEN = 32;
/** CIDs (as their string bytes): at most 128 bytes. */
export const MAX_CID_LEN = 128;
/** Offerings per deployment type (the per-type index the award scans). */
export const MAX_OFFERINGS_PER_TYPE = 1024;
