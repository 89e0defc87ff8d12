import { AmountError } from './errors.ts';

/** The chain's token: symbol and decimals (from `system_properties`). */
export interface TokenUnits {
  symbol: string;
  decimals: number;
}

export interface ParseAmountOptions {
  /** Bare numbers (without a unit) are plancks instead of whole tokens (`--planck`). */
  planck?: boolean;
  /** What the amount is, for error messages (e.g. `--deposit`). */
  what?: string;
}

/** SI prefixes accepted after the number: `250m` is 0.25 tokens, `2k` is 2000 tokens. */
const PREFIXES: Record<string, number> = { G: 9, M: 6, k: 3, m: -3, u: -6, 'µ': -6, n: -9, p: -12 };
const U128_MAX = (1n << 128n) - 1n;
const SYNTAX = /^(\d[\d_]*(?:\.\d*)?|\.\d+)\s*(\S*?)\s*([A-Za-z]*)$/;

/** Splits the text after the number into an optional SI prefix and an optional unit. */
function splitUnit(rest: string): { prefix?: string; unit?: string } {
  if (rest === '') return {};
  if (/^plancks?$/i.test(rest)) return { unit: rest };
  const first = rest[0] ?? '';
  if (first in PREFIXES) {
    const tail = rest.slice(1).trim();
    if (tail === '' || /^[A-Za-z]+$/.test(tail)) return tail === '' ? { prefix: first } : { prefix: first, unit: tail };
  }
  return { unit: rest };
}

export const AMOUNT_HELP =
  'amounts: 10 or 1.5 (tokens), 250m / 2k (SI prefix: G M k m u n p), 10DIN (explicit token), 5000planck (plancks); with --planck a bare number is plancks';

/**
 * Parses a token amount into plancks. Accepts `10`, `1.5`, `250m`, `2k`, `10DIN`, `1.5 DIN`,
 * `5000planck`, `1_000`; with `planck`, a bare integer is a number of plancks. Throws
 * AmountError naming the problem for anything else (negative, more decimals than the
 * chain has, above u128, an unknown unit).
 */
export function parseAmount(input: string, units: TokenUnits, options: ParseAmountOptions = {}): bigint {
  const what = options.what ? `${options.what} ` : '';
  const text = input.trim();
  const fail = (why: string): never => {
    throw new AmountError(`${what}amount "${input}" ${why} (${AMOUNT_HELP})`);
  };
  if (text === '') fail('is empty');
  if (text.startsWith('-')) fail('is negative');
  const m = SYNTAX.exec(text);
  if (!m) return fail('is malformed');
  const [, num = '', p1 = '', p2 = ''] = m;
  const { prefix, unit } = splitUnit((p1 + (p1 && p2 ? ' ' : '') + p2).trim());
  if (unit !== undefined && !/^[A-Za-z]+$/.test(unit.replace(/\s+/g, ''))) fail('is malformed');
  const digits = num.replace(/_/g, '');
  let isPlanck = false;
  if (unit !== undefined) {
    const u = unit.toLowerCase();
    if (u === 'planck' || u === 'plancks') isPlanck = true;
    else if (unit.toUpperCase() !== units.symbol.toUpperCase()) fail(`has unknown unit "${unit}" (the token is ${units.symbol})`);
  } else if (options.planck && prefix === undefined) {
    isPlanck = true;
  }
  if (isPlanck && prefix !== undefined) fail('mixes an SI prefix with plancks');
  const exponent = isPlanck ? 0 : units.decimals + (prefix ? PREFIXES[prefix] ?? 0 : 0);
  const [whole = '', frac = ''] = digits.split('.');
  const fracTrimmed = frac.replace(/0+$/, '');
  if (fracTrimmed.length > exponent) {
    fail(isPlanck ? 'is a fraction of a planck' : `has more decimals than the token's ${units.decimals}`);
  }
  if (exponent < 0) fail('is below one planck');
  const value = BigInt((whole || '0') + fracTrimmed.padEnd(exponent, '0'));
  if (value > U128_MAX) fail('is too large');
  return value;
}

/** `1500000000000n` -> `1.5 DIN`; trailing zeros trimmed. */
export function formatAmount(planck: bigint, units: TokenUnits): string {
  const neg = planck < 0n;
  const abs = neg ? -planck : planck;
  const base = 10n ** BigInt(units.decimals);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(units.decimals, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? '.' + frac : ''} ${units.symbol}`;
}
