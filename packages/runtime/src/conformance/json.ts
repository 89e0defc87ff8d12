import type { Json } from './format.ts';

/**
 * The JSON form of a runtime value (informative `args` and `fields` of a vector): bigint as a
 * decimal string, an absent Option as null, an enum `{ type, value }` as `{ [type]: value }` (a
 * unit variant as its name), bytes stay 0x-hex.
 */
export function toJson(v: unknown): Json {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (typeof o.type === 'string' && keys.every((k) => k === 'type' || k === 'value')) {
      return o.value === undefined ? o.type : { [o.type]: toJson(o.value) };
    }
    return Object.fromEntries(keys.map((k) => [k, toJson(o[k])]));
  }
  throw new Error(`no JSON form for ${typeof v}`);
}

/** Vector files larger than this when indented are written on one line. */
const INDENT_LIMIT = 1 << 20;

/** Stable text of a vector file: two-space indentation (one line when large), a final newline. */
export function vectorText(v: unknown): string {
  const pretty = JSON.stringify(v, null, 2);
  return (pretty.length > INDENT_LIMIT ? JSON.stringify(v) : pretty) + '\n';
}
