import { Bytes } from '../../../framework/common-types.ts';
import type { CallDef } from '../../../framework/pallet.ts';
import type { Env } from '../../../framework/env.ts';
import { badOrigin } from '../../../framework/dispatch-error.ts';
import { reserve } from '../../currency.ts';
import { isCid } from '../cid.ts';
import { MAX_NAME_LEN, TYPE_DEPOSIT } from '../constants.ts';
import { providersError } from '../errors.ts';
import { emitProviders } from '../events.ts';
import { ProvidersStorage as S } from '../storage.ts';
import { byteLen } from '../util.ts';

/** Creates a deployment type; `owner` pays `deposit` (none for Root and genesis). Returns its id. */
export function createType(env: Env, name: string, schemaCid: string, owner: string | undefined, deposit: bigint): number {
  const len = byteLen(name);
  if (len < 1 || len > MAX_NAME_LEN) throw providersError('BadName');
  if (!isCid(schemaCid)) throw providersError('InvalidCid');
  if (S.TypeByName.contains(env.state, name)) throw providersError('NameTaken');
  if (owner !== undefined && deposit > 0n) reserve(env, owner, deposit);
  const id = S.NextTypeId.get(env.state) ?? 0;
  S.DeploymentTypes.set(env.state, id, { name, schema_cid: schemaCid, owner, deposit, registered_at: env.blockNumber });
  S.TypeByName.set(env.state, name, id);
  S.NextTypeId.set(env.state, id + 1);
  emitProviders(env, 'DeploymentTypeRegistered', { type_id: id, name, schema_cid: schemaCid, owner, deposit });
  return id;
}

export const registerType: CallDef<{ name: string; schema_cid: string }> = {
  index: 7,
  args: [['name', Bytes, 'Vec<u8>'], ['schema_cid', Bytes, 'Vec<u8>']],
  weight: 300_000_000n,
  docs: [
    ' Registers a deployment type: a name and the CID of the JSON Schema its descriptors match.',
    ' Root registers without deposit; a registered provider reserves `TypeDeposit`.',
  ],
  handler: (env, origin, a) => {
    if (origin.type === 'Root') {
      createType(env, a.name, a.schema_cid, undefined, 0n);
      return;
    }
    if (origin.type !== 'Signed') throw badOrigin();
    if (!S.Providers.contains(env.state, origin.who)) throw providersError('NotAllowed');
    createType(env, a.name, a.schema_cid, origin.who, TYPE_DEPOSIT);
  },
};
