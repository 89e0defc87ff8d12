/** Named errors with stable codes. JSON-RPC answers carry `rpcCode`; `code` is the gateway's own. */
export class GatewayError extends Error {
  static readonly code: string = 'GATEWAY_ERROR';
  readonly code: string;
  constructor(message: string, readonly rpcCode = -32603, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = (new.target as typeof GatewayError).code;
  }
}

/** The upstream's connection closed (or was never open) before it answered. */
export class UpstreamClosedError extends GatewayError {
  static override readonly code = 'GATEWAY_UPSTREAM_CLOSED';
  constructor(upstream: string) {
    super(`upstream ${upstream} closed the connection before answering`, -32603);
  }
}

/** The upstream did not answer within the request timeout. */
export class UpstreamTimeoutError extends GatewayError {
  static override readonly code = 'GATEWAY_UPSTREAM_TIMEOUT';
  constructor(upstream: string, ms: number) {
    super(`upstream ${upstream} did not answer within ${ms} ms`, -32603);
  }
}

/** No upstream is healthy and connected. */
export class NoUpstreamError extends GatewayError {
  static override readonly code = 'GATEWAY_NO_UPSTREAM';
  constructor() {
    super('no healthy upstream is available; retry later', -32603);
  }
}

/** The method is not on the allow-list. */
export class MethodNotAllowedError extends GatewayError {
  static override readonly code = 'GATEWAY_METHOD_NOT_ALLOWED';
  constructor(method: string) {
    super(
      `Method not found: ${method} is not on this gateway's allow-list (config "methods.allow", or add it with --allow-method ${method}); unbounded queries such as state_getKeys are refused by default`,
      -32601,
    );
  }
}

/** A rate, size, batch or connection limit was exceeded. */
export class LimitExceededError extends GatewayError {
  static override readonly code = 'GATEWAY_LIMIT_EXCEEDED';
  constructor(message: string, rpcCode = -32005) {
    super(message, rpcCode);
  }
}

/** The configuration is invalid; `field` is the path of the first bad field. */
export class ConfigError extends GatewayError {
  static override readonly code = 'GATEWAY_CONFIG_INVALID';
  constructor(readonly field: string, reason: string, readonly source?: string) {
    super(`invalid config${source ? ` (${source})` : ''}: ${field}: ${reason}`);
  }
}
