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
