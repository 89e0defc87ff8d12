/** A DispatchError as `{ pallet, name, docs }` (module errors decoded with the metadata). */
import type { ApiPromise } from '@polkadot/api';
import type { SpRuntimeDispatchError } from '@polkadot/types/lookup';
import type { DispatchErrorInfo } from '../store/report-rows.ts';

export function decodeDispatchError(api: ApiPromise, e: SpRuntimeDispatchError): DispatchErrorInfo {
  if (e.isModule) {
    try {
      const m = api.registry.findMetaError(e.asModule);
      return { pallet: m.section, name: m.name, docs: m.docs.join(' ').trim() };
    } catch {
      return { name: 'Module', docs: e.asModule.toString() };
    }
  }
  return { name: e.type };
}
