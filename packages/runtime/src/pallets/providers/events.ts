import { T } from '../../scale/type-desc.ts';
import { AccountId32, Balance } from '../../framework/common-types.ts';
import type { EventDef } from '../../framework/pallet.ts';
import type { Env } from '../../framework/env.ts';
import { BoundedBytes, TypeId } from './types.ts';

/** Events of the Providers pallet, in index order. */
export const PROVIDERS_EVENTS: Record<string, EventDef> = {
  ProviderRegistered: {
    fields: [['provider', AccountId32], ['name', BoundedBytes], ['operator', AccountId32], ['deposit', Balance]],
    docs: [' A provider registered and `deposit` was reserved.'],
  },
  OperatorSet: { fields: [['provider', AccountId32], ['operator', AccountId32]], docs: [' A provider set its operator key.'] },
  OfferingSet: {
    fields: [['provider', AccountId32], ['type_id', TypeId], ['capacity', T.u32], ['price_per_block', Balance], ['open', T.bool]],
    docs: [' An offering was created or changed.'],
  },
  OfferingClosed: {
    fields: [['provider', AccountId32], ['type_id', TypeId], ['removed', T.bool]],
    docs: [' An offering was closed: removed when it held no live subscription, else kept closed.'],
  },
  ProviderPaused: { fields: [['provider', AccountId32]], docs: [' A provider paused: it receives no new awards.'] },
  ProviderResumed: { fields: [['provider', AccountId32]], docs: [' A paused provider resumed.'] },
  ProviderDeregistered: { fields: [['provider', AccountId32], ['deposit', Balance]], docs: [' A provider deregistered; its deposit was released.'] },
  DeploymentTypeRegistered: {
    fields: [['type_id', TypeId], ['name', BoundedBytes], ['schema_cid', BoundedBytes], ['owner', T.option(AccountId32)], ['deposit', Balance]],
    docs: [' A deployment type was registered.'],
  },
};

export type ProvidersEvent = keyof typeof PROVIDERS_EVENTS;

export function emitProviders(env: Env, name: string, data: Record<string, unknown>): void {
  env.depositEvent({ type: 'Providers', value: { type: name, value: data } });
}
