import { exceededLimit, OVERSIZED_RESPONSE_CODE, OVERSIZED_RESPONSE_MSG, type RpcErrorObject } from './errors.ts';
import type { RpcId } from './frame.ts';

/** Field order follows jsonrpsee: jsonrpc, result|error, id. */
export function encodeResult(id: RpcId, result: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', result: result === undefined ? null : result, id });
}

export function encodeError(id: RpcId, error: RpcErrorObject): string {
  return JSON.stringify({ jsonrpc: '2.0', error, id });
}

export function encodeNotification(method: string, subscription: string, result: unknown): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    method,
    params: { subscription, result: result === undefined ? null : result },
  });
}

/** jsonrpsee's "subscription closed with error" notification: params `{ subscription, error }`. */
export function encodeSubscriptionError(method: string, subscription: string, error: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', method, params: { subscription, error } });
}

export function isTooBig(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text) > limit;
}

/** Replace an oversized response with jsonrpsee's -32008 "Response is too big". */
export function limitResponse(id: RpcId, text: string, limit: number): string {
  if (!isTooBig(text, limit)) return text;
  return encodeError(id, { code: OVERSIZED_RESPONSE_CODE, message: OVERSIZED_RESPONSE_MSG, data: exceededLimit(limit) });
}
