import { PermanentBackendError } from '../../backend.ts';

/** A failure AWS says will pass (throttling after the SDK's own retries, no capacity right now). */
export class AwsRetryableError extends Error {
  static readonly errorName = 'AwsRetryableError';
  override readonly name = 'AwsRetryableError';
  constructor(
    message: string,
    readonly code: string,
    /** Hint for the reactor's back-off. */
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A failure retrying cannot fix: permissions, a changed plan under the same token, bad config. */
export class AwsPermanentError extends PermanentBackendError {
  static override readonly errorName = 'AwsPermanentError';
}

/** EC2 error codes (the SDK's `error.name`) and what they mean for a reactor. */
const THROTTLED = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'TooManyRequestsException']);
const CAPACITY = new Set(['InsufficientInstanceCapacity', 'InsufficientHostCapacity', 'InsufficientReservedInstanceCapacity', 'InsufficientCapacity', 'ServiceUnavailable', 'Unavailable', 'InternalError']);
const AUTH = new Set(['UnauthorizedOperation', 'AuthFailure', 'Blocked', 'OptInRequired', 'SignatureDoesNotMatch', 'InvalidClientTokenId', 'UnrecognizedClientException', 'ExpiredToken', 'AccessDeniedException']);
const QUOTA = new Set(['InstanceLimitExceeded', 'VcpuLimitExceeded', 'MaxSpotInstanceCountExceeded']);

export interface AwsErrorContext {
  /** The API operation, e.g. `RunInstances`. */
  readonly operation: string;
  /** What we were doing it for (resource name). */
  readonly resource?: string;
}

/**
 * Maps an SDK error to the reactor's error classes. The message names the operation and the
 * EC2 code; it never contains credentials (the SDK does not put them in errors).
 */
export function mapAwsError(e: unknown, ctx: AwsErrorContext): Error {
  if (e instanceof AwsRetryableError || e instanceof PermanentBackendError) return e;
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const code = err?.name ?? 'Unknown';
  const where = `${ctx.operation}${ctx.resource ? ` for ${ctx.resource}` : ''}`;
  const msg = `${where}: ${code}: ${err?.message ?? String(e)}`;
  if (code === 'AbortError') return e as Error;
  if (THROTTLED.has(code)) return new AwsRetryableError(`${msg} (throttled after the SDK's retries)`, 'AWS_THROTTLED', 10_000, { cause: e });
  if (CAPACITY.has(code)) return new AwsRetryableError(`${msg} (no capacity now; retried later)`, 'AWS_CAPACITY', 60_000, { cause: e });
  if (code === 'IdempotentParameterMismatch')
    return new AwsPermanentError(
      `${msg} — an instance was already launched with this deployment's ClientToken but other parameters: ` +
        'the launch plan (AMI, instance type, subnet, user data...) changed under the same subscription and generation. ' +
        'Restore the previous configuration or terminate that instance.',
      'AWS_IDEMPOTENT_PARAMETER_MISMATCH',
      { cause: e },
    );
  if (AUTH.has(code)) return new AwsPermanentError(`${msg} — the credentials lack a permission (see the README's IAM policy)`, 'AWS_UNAUTHORIZED', { cause: e });
  if (QUOTA.has(code)) return new AwsPermanentError(`${msg} — account quota reached`, 'AWS_QUOTA', { cause: e });
  if (code.startsWith('Invalid') || code.startsWith('Missing') || code === 'Unsupported' || code === 'ParameterNotFound')
    return new AwsPermanentError(`${msg} — check the aws backend configuration`, 'AWS_INVALID_PARAMETER', { cause: e });
  const status = err?.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return new AwsRetryableError(msg, 'AWS_SERVER_ERROR', 10_000, { cause: e });
  return e instanceof Error ? e : new Error(msg);
}

/** The instance is gone already (terminate / describe of an unknown id). */
export const isNotFound = (e: unknown): boolean => {
  const name = (e as { name?: string })?.name ?? '';
  return name === 'InvalidInstanceID.NotFound' || name === 'InvalidInstanceID.Malformed';
};
