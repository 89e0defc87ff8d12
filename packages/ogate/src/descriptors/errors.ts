/** Why a descriptor is rejected: a stable cause (metric label) and a reason for the chain. */
export type DescriptorCause = 'invalid-cid' | 'unavailable' | 'too-large' | 'cid-mismatch' | 'not-json' | 'schema-unavailable' | 'schema' | 'secret' | 'store';

export class DescriptorError extends Error {
  readonly code = 'OGATE_DESCRIPTOR_REJECTED';
  constructor(
    readonly cause_: DescriptorCause,
    message: string,
    /** A transient failure is retried; a final one is reported Failed at once. */
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'DescriptorError';
  }
}

/** Cuts `text` to at most `max` UTF-8 bytes without splitting a character. */
export function truncateUtf8(text: string, max = 256): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  let end = max - 3;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8') + '...';
}
