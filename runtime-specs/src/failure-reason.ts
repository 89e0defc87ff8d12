/** `Subscriptions::MaxReasonLen`: bytes of a `StatusReport::Failed` reason (runtime-specs/dinfra.md). */
export const MAX_REASON_LEN = 256;

const ELLIPSIS = '…';

/**
 * The `reason` argument of `report_status(id, { Failed: { reason } })` for a text of any length:
 * its UTF-8 bytes, cut at a character boundary to at most MAX_REASON_LEN bytes (ending in "…" when
 * cut), as 0x-hex. Pass this hex rather than the text or a Uint8Array: @polkadot/api reads a
 * string that looks like hex as bytes, and a Uint8Array as SCALE with a length prefix.
 */
export function failureReason(text: string): `0x${string}` {
  const encoder = new TextEncoder();
  let bytes = encoder.encode(text); // lone surrogates become U+FFFD: always valid UTF-8
  if (bytes.length > MAX_REASON_LEN) {
    const room = MAX_REASON_LEN - encoder.encode(ELLIPSIS).length;
    let end = room;
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // not inside a multi-byte character
    bytes = new Uint8Array([...bytes.subarray(0, end), ...encoder.encode(ELLIPSIS)]);
  }
  return `0x${Buffer.from(bytes).toString('hex')}`;
}
