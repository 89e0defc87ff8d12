import { T, type TypeDesc } from '../scale/type-desc.ts';
import type { Runtime } from './runtime.ts';

/**
 * Pallets refer to the runtime's outer types (RuntimeCall for Sudo/Utility, EventRecord for
 * System.Events) before the runtime exists; these lazy references resolve once it is built.
 */
let current: Runtime | undefined;

export function bindOuterTypes(runtime: Runtime): void {
  current = runtime;
}

const must = (): Runtime => {
  if (!current) throw new Error('runtime not composed yet');
  return current;
};

export const RuntimeCallRef: TypeDesc = T.lazy(() => must().callType);
export const EventRecordRef: TypeDesc = T.lazy(() => must().eventRecordType);
export const ExtrinsicRef: TypeDesc = T.lazy(() => must().extrinsicType);
