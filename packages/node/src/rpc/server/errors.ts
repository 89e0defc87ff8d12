/** JSON-RPC error codes and messages exactly as jsonrpsee (paritytech/jsonrpsee types/src/error.rs) uses them. */
export const PARSE_ERROR_CODE = -32700;
export const INVALID_REQUEST_CODE = -32600;
export const METHOD_NOT_FOUND_CODE = -32601;
export const INVALID_PARAMS_CODE = -32602;
export const INTERNAL_ERROR_CODE = -32603;
export const CALL_EXECUTION_FAILED_CODE = -32000;
export const TOO_MANY_SUBSCRIPTIONS_CODE = -32006;
export const OVERSIZED_REQUEST_CODE = -32007;
export const OVERSIZED_RESPONSE_CODE = -32008;
export const TOO_BIG_BATCH_REQUEST_CODE = -32010;
export const TOO_BIG_BATCH_RESPONSE_CODE = -32011;

export const PARSE_ERROR_MSG = 'Parse error';
export const INVALID_REQUEST_MSG = 'Invalid request';
export const METHOD_NOT_FOUND_MSG = 'Method not found';
export const INVALID_PARAMS_MSG = 'Invalid params';
export const INTERNAL_ERROR_MSG = 'Internal error';
export const TOO_MANY_SUBSCRIPTIONS_MSG = 'Too many subscriptions on the connection';
export const OVERSIZED_REQUEST_MSG = 'Request is too big';
export const OVERSIZED_RESPONSE_MSG = 'Response is too big';
export const TOO_BIG_BATCH_REQUEST_MSG = 'The batch request was too large';
export const TOO_BIG_BATCH_RESPONSE_MSG = 'The batch response was too large';

/** The `error` member of a JSON-RPC response. */
export interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** Throw from a method to answer with this exact JSON-RPC error. */
export class RpcError extends Error {
  readonly code: number;
  readonly data?: unknown;

  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    if (data !== undefined) this.data = data;
  }

  toErrorObject(): RpcErrorObject {
    return errorObject(this.code, this.message, this.data);
  }
}

export function errorObject(code: number, message: string, data?: unknown): RpcErrorObject {
  return data === undefined ? { code, message } : { code, message, data };
}

/** -32602 "Invalid params" with optional detail, like jsonrpsee's param-parse failures. */
export function invalidParams(data?: unknown): RpcError {
  return new RpcError(INVALID_PARAMS_CODE, INVALID_PARAMS_MSG, data);
}

export const exceededLimit = (limit: number): string => `Exceeded max limit of ${limit}`;

/** Any thrown value -> error object: RpcError keeps its code, anything else is -32603 "Internal error". */
export function toErrorObject(err: unknown): RpcErrorObject {
  if (err instanceof RpcError) return err.toErrorObject();
  return { code: INTERNAL_ERROR_CODE, message: INTERNAL_ERROR_MSG };
}
