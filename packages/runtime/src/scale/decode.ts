import * as s from 'scale-ts';
import type { Codec } from './codec.ts';

export class DecodeError extends Error {
  static readonly errorName = 'DecodeError';
  override readonly name = 'DecodeError';
}

/** The reason a decoder failed, in parity-scale-codec's words rather than JavaScript's. */
function reason(cause: unknown): string {
  if (cause instanceof RangeError) return 'Not enough data to fill buffer';
  if (cause instanceof DecodeError) return cause.message;
  const message = cause instanceof Error ? cause.message : String(cause);
  // Our codecs throw plain Errors with codec-style messages; anything else is an engine error.
  return cause instanceof TypeError ? 'Invalid data' : message;
}

/**
 * Decodes `bytes` with `codec`, requiring every byte to be consumed. Copies the input first:
 * scale-ts reads the whole underlying ArrayBuffer, so a subarray view must not be passed as is.
 */
export function decodeExact<T = any>(codec: Codec, bytes: Uint8Array, what = 'value'): T {
  let rest = 0;
  const wrapped = s.createDecoder((input: Uint8Array) => {
    const b = input as Uint8Array & { i: number };
    const v = codec.dec(b);
    rest = b.length - b.i;
    return v;
  });
  let value: T;
  try {
    value = wrapped(new Uint8Array(bytes)) as T;
  } catch (cause) {
    throw new DecodeError(`Could not decode ${what}: ${reason(cause)}`, { cause });
  }
  if (rest < 0) throw new DecodeError(`Could not decode ${what}: Not enough data to fill buffer`);
  if (rest !== 0) throw new DecodeError(`Could not decode ${what}: ${rest} trailing bytes`);
  return value;
}

/** Decodes a prefix of `bytes`, returning the value and the number of bytes read. */
export function decodePrefix<T = any>(codec: Codec, bytes: Uint8Array, what = 'value'): [T, number] {
  let read = 0;
  const wrapped = s.createDecoder((input: Uint8Array) => {
    const b = input as Uint8Array & { i: number };
    const v = codec.dec(b);
    read = b.i;
    return v;
  });
  try {
    const v = wrapped(new Uint8Array(bytes)) as T;
    if (read > bytes.length) throw new RangeError('input too short');
    return [v, read];
  } catch (cause) {
    throw new DecodeError(`Could not decode ${what}: ${reason(cause)}`, { cause });
  }
}
