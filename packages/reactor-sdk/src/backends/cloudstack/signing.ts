/**
 * CloudStack request signing, exactly as the management server verifies it
 * (`ApiServer.verifyRequest`): every parameter but `signature`, names sorted
 * case-sensitively and left raw, values encoded like Java's `URLEncoder` with `+` as `%20`,
 * joined with `&`, the whole string lower-cased, HMAC-SHA1 with the secret key, base64.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Java `URLEncoder.encode(v, "UTF-8").replace("+", "%20")`: only `A-Za-z0-9.-*_` stay raw. */
export function javaUrlEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Java's `Collections.sort` on strings: UTF-16 code unit order (what `<` does in JS). */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The string that is signed (before lower-casing): `name=value&...` sorted by name. */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name.toLowerCase() !== 'signature')
    .sort(byCodeUnit)
    .map((name) => `${name}=${javaUrlEncode(params[name]!)}`)
    .join('&');
}

/** Base64 HMAC-SHA1 of the lower-cased canonical query. */
export function signParams(params: Readonly<Record<string, string>>, secretKey: string): string {
  return createHmac('sha1', secretKey).update(canonicalQuery(params).toLowerCase(), 'utf8').digest('base64');
}

/** Constant-time comparison of two base64 signatures. */
export function signatureMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `expires` as CloudStack parses it (`yyyy-MM-dd'T'HH:mm:ssZ`), in UTC: `2026-11-22T02:40:00+0000`. */
export function formatExpires(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** Parses `yyyy-MM-ddTHH:mm:ss±hhmm` (also `±hh:mm` and `Z`); `undefined` when malformed. */
export function parseExpires(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  if (!m) return undefined;
  const zone = m[7] === 'Z' ? '+00:00' : m[7]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
