import { SecretOpenError } from '../errors.ts';

/**
 * The sealed-secret envelope (runtime-specs/dinfra.md, "Sealed secrets"):
 *
 *   "dinfra-sealed:v1:" || base64url-nopad( 0x01 || epk[32] || nonce[24] || ciphertext )
 *
 * ciphertext = XChaCha20-Poly1305(key, nonce, aad) of the UTF-8 value, tag (16 bytes) last.
 */
export const SEALED_PREFIX = 'dinfra-sealed:';
export const V1_PREFIX = 'dinfra-sealed:v1:';
export const VERSION_1 = 0x01;
export const EPK_LEN = 32;
export const NONCE_LEN = 24;
export const TAG_LEN = 16;
export const HEADER_LEN = 1 + EPK_LEN + NONCE_LEN;
/** HKDF salt: binds the key to this format. */
export const HKDF_SALT = new TextEncoder().encode('dinfra-sealed:v1');

export interface Envelope {
  version: number;
  epk: Uint8Array;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

export function encodeEnvelope(e: Envelope): string {
  const payload = new Uint8Array(HEADER_LEN + e.ciphertext.length);
  payload[0] = e.version;
  payload.set(e.epk, 1);
  payload.set(e.nonce, 1 + EPK_LEN);
  payload.set(e.ciphertext, HEADER_LEN);
  return V1_PREFIX + Buffer.from(payload).toString('base64url');
}

/** Parses a sealed string; throws SecretOpenError naming what is wrong with its form. */
export function decodeEnvelope(name: string, sealed: string): Envelope {
  const fail = (why: string) => new SecretOpenError(`secret "${name}" cannot be opened: ${why}`);
  if (!sealed.startsWith(SEALED_PREFIX)) throw fail(`it is not a sealed value (sealed values start with "${V1_PREFIX}"); seal it with \`dinfra subscribe --secret\``);
  if (!sealed.startsWith(V1_PREFIX)) throw fail(`its envelope version "${sealed.slice(SEALED_PREFIX.length).split(':')[0]?.slice(0, 8)}" is not supported (this build reads v1)`);
  const text = sealed.slice(V1_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw fail('its payload is not base64url');
  const payload = new Uint8Array(Buffer.from(text, 'base64url'));
  if (Buffer.from(payload).toString('base64url') !== text) throw fail('its payload is not canonical base64url');
  if (payload.length < HEADER_LEN + TAG_LEN) throw fail(`its payload is ${payload.length} bytes, shorter than the ${HEADER_LEN + TAG_LEN} of an empty value`);
  if (payload[0] !== VERSION_1) throw fail(`its version byte is ${payload[0]}, not ${VERSION_1}`);
  return {
    version: payload[0],
    epk: payload.slice(1, 1 + EPK_LEN),
    nonce: payload.slice(1 + EPK_LEN, HEADER_LEN),
    ciphertext: payload.slice(HEADER_LEN),
  };
}

/** Whether `value` is a sealed secret (any envelope version): a string with the envelope prefix. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}
