/**
 * The one decoding of a `sp_runtime::DispatchError` with the chain's metadata: a module error
 * becomes its pallet, name and docs (`Subscriptions.NoOfferingOfType`); other kinds their variant
 * and inner variant (`Token.FundsUnavailable`, `BadOrigin`).
 */
import type { Registry } from '@polkadot/types/types';

/** The parts of a `DispatchError` codec that decoding reads. */
export interface DispatchErrorLike {
  isModule: boolean;
  asModule: unknown;
  type: string;
  /** The inner value of non-module variants (e.g. `Token(FundsUnavailable)`). */
  value?: { type?: string; toString(): string } | unknown;
}

export interface DecodedDispatchError {
  /** The pallet as in the metadata (`subscriptions`); undefined for other kinds. */
  readonly pallet: string | undefined;
  /** The error (`NoOfferingOfType`), or the variant (`Token`, `BadOrigin`, `Module` when the metadata does not know it). */
  readonly name: string;
  /** The inner variant of a non-module error (`FundsUnavailable`). */
  readonly detail: string | undefined;
  /** The metadata's docs of a module error, else a sentence about the kind. */
  readonly docs: string;
  /** `Subscriptions.NoOfferingOfType`, `Token.FundsUnavailable`, `BadOrigin`, `Module error {...}`. */
  readonly text: string;
}

const DOCS: Record<string, string> = {
  BadOrigin: 'The call is not allowed from this origin (e.g. a Root-only call signed by an account).',
  Token: 'The account cannot pay (funds unavailable, below minimum, or frozen).',
  Arithmetic: 'An arithmetic overflow or underflow.',
  CannotLookup: 'An account lookup failed.',
  Other: 'The runtime refused the call.',
};

export function decodeDispatchError(registry: Registry, err: DispatchErrorLike): DecodedDispatchError {
  if (err.isModule) {
    try {
      const meta = registry.findMetaError(err.asModule as Parameters<Registry['findMetaError']>[0]);
      const pallet = meta.section.charAt(0).toUpperCase() + meta.section.slice(1);
      return { pallet: meta.section, name: meta.name, detail: undefined, docs: meta.docs.join(' ').replace(/\s+/g, ' ').trim(), text: `${pallet}.${meta.name}` };
    } catch {
      const raw = String(err.asModule);
      return { pallet: undefined, name: 'Module', detail: undefined, docs: `not described in the metadata (${raw})`, text: `Module error ${raw}` };
    }
  }
  const inner = err.value as { type?: unknown } | undefined;
  const detail = inner && typeof inner === 'object' && typeof inner.type === 'string' ? inner.type : undefined;
  return { pallet: undefined, name: err.type, detail, docs: DOCS[err.type] ?? '', text: detail ? `${err.type}.${detail}` : err.type };
}
