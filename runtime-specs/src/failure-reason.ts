/** `Subscriptions::MaxReasonLen`: bytes of a `StatusReport::Failed` reason (runtime-specs/dinfra.md). */
export const MAX_REASON_LEN = 256;

const ELLIPSIS = '…';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The one truncation of a failure reason (the CLI, OGate and the reactor all use it): the text
 * when its UTF-8 fits in `maxBytes`, else cut at a character boundary and ended with "…" so the
 * whole is at most `maxBytes` bytes. Idempotent: a cut text fits and comes back unchanged.
 */
export function truncateReason(text: string, maxBytes: number = MAX_REASON_LEN): string {
  const bytes = encoder.encode(text); // lone surrogates become U+FFFD: always valid UTF-8
  if (bytes.length <= maxBytes) return decoder.decode(bytes);
  let end = maxBytes - encoder.encode(ELLIPSIS).length;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // not inside a multi-byte character
  return decoder.decode(bytes.subarray(0, end)) + ELLIPSIS;
}

/**
 * The `reason` argument of `report_status(id, { Failed: { reason } })` for a text of any length:
 * `truncateReason(text)` as 0x-hex of its UTF-8. Pass this hex rather than the text or a
 * Uint8Array: @polkadot/api reads a string that looks like hex as bytes, and a Uint8Array as
 * SCALE with a length prefix.
 */
export function failureReason(text: string): `0x${string}` {
  return `0x${Buffer.from(encoder.encode(truncateReason(text))).toString('hex')}`;
}
