/** Named errors with stable codes (`code`); `cause` is kept. */
export class MonitorError extends Error {
  static readonly code: string = 'MONITOR_ERROR';
  readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = (new.target as typeof MonitorError).code;
  }
}

/** The configuration is invalid; `field` is the path of the first bad field. */
export class ConfigError extends MonitorError {
  static override readonly code = 'MONITOR_CONFIG_INVALID';
  constructor(readonly field: string, reason: string, readonly source?: string) {
    super(`invalid config${source ? ` (${source})` : ''}: ${field}: ${reason}`);
  }
}

/** The endpoint could not be reached (refused, closed, DNS, TLS). */
export class UnreachableError extends MonitorError {
  static override readonly code = 'MONITOR_UNREACHABLE';
}

/** The endpoint did not answer a call within the timeout. */
export class CallTimeoutError extends MonitorError {
  static override readonly code = 'MONITOR_CALL_TIMEOUT';
  constructor(readonly method: string, readonly ms: number) {
    super(`${method} did not answer within ${ms} ms`);
  }
}

/** A frame or a result that is not what JSON-RPC (or the method) promises. */
export class InvalidReplyError extends MonitorError {
  static override readonly code = 'MONITOR_INVALID_REPLY';
}

/** A JSON-RPC error answer. */
export class RpcErrorReply extends MonitorError {
  static override readonly code = 'MONITOR_RPC_ERROR';
  constructor(readonly method: string, readonly rpcCode: number, message: string) {
    super(`${method} answered error ${rpcCode}: ${message}`);
  }
}

/** An API request that is malformed or refers to nothing (HTTP 400/404). */
export class ApiRequestError extends MonitorError {
  static override readonly code = 'MONITOR_API_REQUEST';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
