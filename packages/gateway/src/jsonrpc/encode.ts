import type { JsonRpcErrorObject, JsonRpcId } from './types.ts';

export const encodeResult = (id: JsonRpcId, result: unknown): string =>
  JSON.stringify({ jsonrpc: '2.0', result: result === undefined ? null : result, id });

export const encodeError = (id: JsonRpcId, error: JsonRpcErrorObject): string => JSON.stringify({ jsonrpc: '2.0', error, id });

export const encodeNotification = (method: string, subscription: string, result: unknown): string =>
  JSON.stringify({ jsonrpc: '2.0', method, params: { subscription, result } });
