import type { Registry } from '@polkadot/types/types';
import { ChainRefusedError } from './errors.ts';

/** The parts of a `sp_runtime::DispatchError` codec that decoding reads. */
export interface DispatchErrorLike {
  isModule: boolean;
  asModule: unknown;
  type: string;
  /** The inner value of non-module variants (e.g. `Token(FundsUnavailable)`). */
  value?: { type?: string; toString(): string } | unknown;
}

/**
 * Decodes a dispatch error with the chain's metadata: a module error becomes
 * `Pallet.Error` with the error's docs (`Subscriptions.NoOfferingOfType: No open offering
 * of the type ...`); other kinds become `Token.FundsUnavailable`, `BadOrigin`, ...
 */
export function decodeDispatchError(registry: Registry, err: DispatchErrorLike): { error: string; docs: string } {
  if (err.isModule) {
    try {
      const meta = registry.findMetaError(err.asModule as Parameters<Registry['findMetaError']>[0]);
      const pallet = meta.section.charAt(0).toUpperCase() + meta.section.slice(1);
      return { error: `${pallet}.${meta.name}`, docs: meta.docs.join(' ').replace(/\s+/g, ' ').trim() };
    } catch {
      return { error: `Module error ${String(err.asModule)}`, docs: 'not described in the metadata' };
    }
  }
  const inner = err.value as { type?: unknown } | undefined;
  const detail = inner && typeof inner === 'object' && typeof inner.type === 'string' ? `.${inner.type}` : '';
  return { error: `${err.type}${detail}`, docs: DOCS[err.type] ?? '' };
}

const DOCS: Record<string, string> = {
  BadOrigin: 'The call is not allowed from this origin (e.g. a Root-only call signed by an account).',
  Token: 'The account cannot pay (funds unavailable, below minimum, or frozen).',
  Arithmetic: 'An arithmetic overflow or underflow.',
  CannotLookup: 'An account lookup failed.',
  Other: 'The runtime refused the call.',
};

export function chainRefused(registry: Registry, err: DispatchErrorLike): ChainRefusedError {
  const d = decodeDispatchError(registry, err);
  return new ChainRefusedError(d.error, d.docs);
}
