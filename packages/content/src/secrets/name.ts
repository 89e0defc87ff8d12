/** At most this many UTF-8 bytes in a secret's name. */
export const MAX_NAME_BYTES = 256;

/** A secret's name: 1 to 256 UTF-8 bytes, no control characters. Throws `E` otherwise. */
export function checkName(name: unknown, E: new (message: string) => Error): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) throw new E('a secret needs a non-empty name');
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw new E(`the secret name "${name.slice(0, 32)}..." is longer than ${MAX_NAME_BYTES} bytes`);
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new E(`the secret name ${JSON.stringify(name)} holds control characters`);
}
