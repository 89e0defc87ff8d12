import { decodeDispatchError as decode, type DispatchErrorLike } from '@dinfra/runtime-specs';
import type { Registry } from '@polkadot/types/types';
import { ChainRefusedError } from './errors.ts';

export type { DispatchErrorLike };

/**
 * A dispatch error as the CLI prints it (@dinfra/runtime-specs decodes it): `Pallet.Error` with
 * the error's docs (`Subscriptions.NoOfferingOfType: No open offering of the type ...`), or
 * `Token.FundsUnavailable`, `BadOrigin`, ...
 */
export function decodeDispatchError(registry: Registry, err: DispatchErrorLike): { error: string; docs: string } {
  const d = decode(registry, err);
  return { error: d.text, docs: d.docs };
}

export function chainRefused(registry: Registry, err: DispatchErrorLike): ChainRefusedError {
  const d = decodeDispatchError(registry, err);
  return new ChainRefusedError(d.error, d.docs);
}
