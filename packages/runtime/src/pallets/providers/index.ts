import { T } from '../../scale/type-desc.ts';
import { Balance } from '../../framework/common-types.ts';
import { definePallet } from '../../framework/pallet.ts';
import * as C from './constants.ts';
import { PROVIDERS_ERRORS, PROVIDERS_INDEX } from './errors.ts';
import { PROVIDERS_EVENTS } from './events.ts';
import { ProvidersStorage } from './storage.ts';
import { deregister, pause, register, resume, setOperator } from './calls/register.ts';
import { closeOffering, setOffering } from './calls/offerings.ts';
import { registerType } from './calls/register-type.ts';
import { providersGenesis } from './genesis.ts';

/**
 * `Providers` (index 20): deployment types, providers and their offerings. The normative
 * description is runtime-specs/dinfra.md.
 */
export const Providers = definePallet({
  name: 'Providers',
  index: PROVIDERS_INDEX,
  crate: 'pallet_dinfra_providers',
  docs: [' Providers, their offerings, and deployment types.'],
  storage: ProvidersStorage,
  calls: {
    register,
    set_offering: setOffering,
    close_offering: closeOffering,
    set_operator: setOperator,
    pause,
    resume,
    deregister,
    register_type: registerType,
  },
  events: PROVIDERS_EVENTS,
  errors: PROVIDERS_ERRORS,
  constants: {
    ProviderDeposit: { type: Balance, value: C.PROVIDER_DEPOSIT, docs: [' Reserved by `register`, released by `deregister`.'] },
    TypeDeposit: { type: Balance, value: C.TYPE_DEPOSIT, docs: [' Reserved from a provider that registers a deployment type.'] },
    MaxNameLen: { type: T.u32, value: C.MAX_NAME_LEN, docs: [' Maximum length of provider and type names, in bytes.'] },
    MaxUrlLen: { type: T.u32, value: C.MAX_URL_LEN, docs: [' Maximum length of a provider API URL, in bytes.'] },
    MaxRegions: { type: T.u32, value: C.MAX_REGIONS, docs: [' Maximum number of regions of an offering.'] },
    MaxRegionLen: { type: T.u32, value: C.MAX_REGION_LEN, docs: [' Maximum length of a region, in bytes.'] },
    MaxCidLen: { type: T.u32, value: C.MAX_CID_LEN, docs: [' Maximum length of a CID string, in bytes.'] },
    MaxOfferingsPerType: { type: T.u32, value: C.MAX_OFFERINGS_PER_TYPE, docs: [' Maximum number of offerings of one deployment type.'] },
  },
  genesis: providersGenesis,
});

export { ProvidersStorage } from './storage.ts';
export { PROVIDERS_ERRORS, providersError } from './errors.ts';
export { BUILTIN_TYPES, BUILTIN_SCHEMAS } from './builtin-types.ts';
export type { BuiltinType } from './builtin-types.ts';
export { rawCidV1 } from './schema-cid.ts';
export { isCid } from './cid.ts';
export * as ProvidersConstants from './constants.ts';
export type { ProvidersGenesisConfig } from './genesis.ts';
export type { ProviderInfoValue, OfferingValue, DeploymentTypeValue } from './types.ts';
export { actsFor, mustProvider } from './util.ts';
