/**
 * Typed CloudStack errors: one class per API error code (`errorcode`, the HTTP status), with a
 * stable `code` string, the command, CloudStack's `cserrorcode` (the Java exception's number)
 * and its `errortext`. Built by `cloudStackErrorFrom` from an error answer or a failed job.
 */

export interface CloudStackErrorInit {
  readonly command: string;
  readonly errorCode: number;
  readonly csErrorCode?: number;
  readonly errorText: string;
  readonly jobId?: string;
  readonly cause?: unknown;
}

/** Base class: any error the CloudStack API reported. */
export class CloudStackError extends Error {
  static readonly errorName: string = 'CloudStackError';
  override readonly name: string = 'CloudStackError';
  /** Stable code, e.g. `CLOUDSTACK_PARAM_ERROR`. */
  readonly code: string = 'CLOUDSTACK_ERROR';
  /** Whether the same call may succeed later (capacity, internal errors). */
  readonly retryable: boolean = false;
  readonly command: string;
  readonly errorCode: number;
  readonly csErrorCode: number | undefined;
  readonly errorText: string;
  readonly jobId: string | undefined;
  constructor(init: CloudStackErrorInit) {
    super(`${init.command}: ${init.errorCode} ${init.errorText}${init.jobId ? ` (job ${init.jobId})` : ''}`, { cause: init.cause });
    this.command = init.command;
    this.errorCode = init.errorCode;
    this.csErrorCode = init.csErrorCode;
    this.errorText = init.errorText;
    this.jobId = init.jobId;
  }
}

function errorClass(name: string, code: string, retryable: boolean) {
  return class extends CloudStackError {
    static override readonly errorName = name;
    override readonly name = name;
    override readonly code = code;
    override readonly retryable = retryable;
  };
}

/** 401: bad API key, bad signature, expired request (or a command the account may not use). */
export class CloudStackAuthError extends errorClass('CloudStackAuthError', 'CLOUDSTACK_UNAUTHORIZED', false) {}
/** 429: the account's API rate limit. */
export class CloudStackRateLimitError extends errorClass('CloudStackRateLimitError', 'CLOUDSTACK_API_LIMIT', true) {}
/** 430: malformed parameter. */
export class CloudStackMalformedError extends errorClass('CloudStackMalformedError', 'CLOUDSTACK_MALFORMED_PARAMETER', false) {}
/** 431: a missing or invalid parameter (InvalidParameterValueException, cserrorcode 4350). */
export class CloudStackParamError extends errorClass('CloudStackParamError', 'CLOUDSTACK_PARAM_ERROR', false) {}
/** 432: the command is not supported here. */
export class CloudStackUnsupportedError extends errorClass('CloudStackUnsupportedError', 'CLOUDSTACK_UNSUPPORTED', false) {}
/** 530: internal error (CloudRuntimeException, cserrorcode 4250). */
export class CloudStackInternalError extends errorClass('CloudStackInternalError', 'CLOUDSTACK_INTERNAL_ERROR', true) {}
/** 531: permission denied (PermissionDeniedException, cserrorcode 4365). */
export class CloudStackPermissionError extends errorClass('CloudStackPermissionError', 'CLOUDSTACK_PERMISSION_DENIED', false) {}
/** 532: an account resource limit is reached. */
export class CloudStackLimitError extends errorClass('CloudStackLimitError', 'CLOUDSTACK_RESOURCE_LIMIT', false) {}
/** 533: insufficient capacity (InsufficientCapacityException, cserrorcode 4325). */
export class CloudStackCapacityError extends errorClass('CloudStackCapacityError', 'CLOUDSTACK_INSUFFICIENT_CAPACITY', true) {}
/** 534: a resource is unavailable. */
export class CloudStackUnavailableError extends errorClass('CloudStackUnavailableError', 'CLOUDSTACK_RESOURCE_UNAVAILABLE', true) {}
/** 535: resource allocation refused (ResourceAllocationException, cserrorcode 4370: limits). */
export class CloudStackAllocationError extends errorClass('CloudStackAllocationError', 'CLOUDSTACK_RESOURCE_ALLOCATION', false) {}
/** 536: the resource is in use. */
export class CloudStackInUseError extends errorClass('CloudStackInUseError', 'CLOUDSTACK_RESOURCE_IN_USE', true) {}

const BY_CODE: Readonly<Record<number, typeof CloudStackError>> = {
  401: CloudStackAuthError,
  429: CloudStackRateLimitError,
  430: CloudStackMalformedError,
  431: CloudStackParamError,
  432: CloudStackUnsupportedError,
  530: CloudStackInternalError,
  531: CloudStackPermissionError,
  532: CloudStackLimitError,
  533: CloudStackCapacityError,
  534: CloudStackUnavailableError,
  535: CloudStackAllocationError,
  536: CloudStackInUseError,
};

/** The typed error for an `errorcode` (unknown codes give the base `CloudStackError`). */
export function cloudStackErrorFrom(init: CloudStackErrorInit): CloudStackError {
  const Cls = BY_CODE[init.errorCode] ?? CloudStackError;
  return new Cls(init);
}

/** The endpoint answered something that is not a CloudStack answer (HTML, bad JSON, 5xx proxy page). */
export class CloudStackProtocolError extends Error {
  static readonly errorName = 'CloudStackProtocolError';
  override readonly name = 'CloudStackProtocolError';
  readonly code = 'CLOUDSTACK_PROTOCOL_ERROR';
  readonly retryable = true;
  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An async job did not finish within its timeout (it may still finish: keep its id). */
export class CloudStackJobTimeoutError extends Error {
  static readonly errorName = 'CloudStackJobTimeoutError';
  override readonly name = 'CloudStackJobTimeoutError';
  readonly code = 'CLOUDSTACK_JOB_TIMEOUT';
  readonly retryable = true;
  constructor(readonly jobId: string, readonly command: string, readonly timeoutMs: number) {
    super(`${command}: job ${jobId} still pending after ${timeoutMs} ms`);
  }
}
