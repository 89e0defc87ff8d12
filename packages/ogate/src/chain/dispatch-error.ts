/** A DispatchError as `{ pallet, name, docs }` (@dinfra/runtime-specs decodes it with the metadata). */
import { decodeDispatchError as decode, type DispatchErrorLike } from '@dinfra/runtime-specs';
import type { ApiPromise } from '@polkadot/api';
import type { SpRuntimeDispatchError } from '@polkadot/types/lookup';
import type { DispatchErrorInfo } from '../store/report-rows.ts';

export function decodeDispatchError(api: ApiPromise, e: SpRuntimeDispatchError): DispatchErrorInfo {
  const d = decode(api.registry, e as unknown as DispatchErrorLike);
  if (d.pallet !== undefined) return { pallet: d.pallet, name: d.name, docs: d.docs };
  if (d.name === 'Module') return { name: 'Module', docs: d.docs };
  return { name: d.name };
}
