import { stringToHex } from '@polkadot/util';
import type { Env } from '../../framework/env.ts';
import { BUILTIN_TYPES } from './builtin-types.ts';
import { createType } from './calls/register-type.ts';

/** Genesis section `providers`: extra deployment types after the built-ins (ids 0..3). */
export interface ProvidersGenesisConfig {
  deploymentTypes?: Array<{ name: string; schemaCid: string }>;
}

const hex = (s: string): string => (s.startsWith('0x') ? s : stringToHex(s));

export function providersGenesis(env: Env, config: ProvidersGenesisConfig): void {
  for (const t of BUILTIN_TYPES) createType(env, hex(t.name), hex(t.schemaCid), undefined, 0n);
  for (const t of config.deploymentTypes ?? []) createType(env, hex(t.name), hex(t.schemaCid), undefined, 0n);
}
