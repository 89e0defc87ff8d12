import { UsageError } from '../../lib/errors.ts';

/** A subscription id argument: a non-negative integer (u64), `#` prefix allowed. */
export function parseId(text: string): bigint {
  const t = text.replace(/^#/, '');
  if (!/^\d+$/.test(t) || BigInt(t) >= 1n << 64n) throw new UsageError(`subscription id "${text}" is not a number (see \`dinfra subscription list\`)`);
  return BigInt(t);
}
