/**
 * JSON with integers beyond 2^53 kept exact: they parse to bigint and print as bare numbers,
 * as zombienet (json-bigint) and polkadot-sdk (serde u128) write them.
 */
const MARK = '\u0000bigint:';

/** JSON.parse, but integer literals outside the safe range become bigint. */
export function parseJsonLossless(text: string): unknown {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      const token = m?.[0] ?? text[i] ?? '';
      if (m && m[1] === undefined && m[2] === undefined && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(last, i)}"\\u0000bigint:${token}"`;
        last = i + token.length;
      }
      i += token.length;
    } else {
      i++;
    }
  }
  out += text.slice(last);
  return JSON.parse(out, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(MARK) ? BigInt(value.slice(MARK.length)) : value,
  );
}

/** JSON.stringify that prints bigint as a bare integer. */
export function stringifyJsonLossless(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${MARK}${v.toString()}` : v), indent);
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}
