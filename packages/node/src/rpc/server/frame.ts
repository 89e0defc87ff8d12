import { INVALID_PARAMS_CODE, INVALID_REQUEST_CODE } from './errors.ts';

/** A JSON-RPC request id: string, number or null (echoed back verbatim). */
export type RpcId = string | number | null;

export type FrameEntry =
  | { kind: 'call'; id: RpcId; method: string; params: unknown[] }
  /** `params: null` = by-name params, which are not supported: the notification is dropped. */
  | { kind: 'notification'; method: string; params: unknown[] | null }
  /** Not a valid request: answer `code` with `id` (null when it could not be read). */
  | { kind: 'invalid'; id: RpcId; code: number };

export type ParsedFrame =
  | { kind: 'single'; entry: FrameEntry }
  | { kind: 'batch'; entries: FrameEntry[] }
  | { kind: 'parse-error' };

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

const isRpcId = (v: unknown): v is RpcId =>
  v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Classify one decoded JSON value as a call, a notification or an invalid request. */
export function classifyEntry(value: unknown): FrameEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', id: null, code: INVALID_REQUEST_CODE };
  }
  const obj = value as Record<string, unknown>;
  const hasId = hasOwn(obj, 'id');
  const rawId = obj['id'];
  if (hasId && !isRpcId(rawId)) return { kind: 'invalid', id: null, code: INVALID_REQUEST_CODE };
  const id: RpcId = hasId ? (rawId as RpcId) : null;
  const method = obj['method'];
  if (obj['jsonrpc'] !== '2.0' || typeof method !== 'string') {
    return { kind: 'invalid', id, code: INVALID_REQUEST_CODE };
  }
  const rawParams = obj['params'];
  let params: unknown[];
  if (rawParams === undefined || rawParams === null) params = [];
  else if (Array.isArray(rawParams)) params = rawParams;
  else if (typeof rawParams === 'object') {
    // Named (by-name) params are not supported: every Substrate client sends positional arrays.
    return hasId ? { kind: 'invalid', id, code: INVALID_PARAMS_CODE } : { kind: 'notification', method, params: null };
  } else {
    return { kind: 'invalid', id, code: INVALID_REQUEST_CODE };
  }
  return hasId ? { kind: 'call', id, method, params } : { kind: 'notification', method, params };
}

/** Decode one WS message / HTTP body. An empty batch is kept as `entries: []` (-> -32600). */
export function parseFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'parse-error' };
  }
  if (Array.isArray(value)) return { kind: 'batch', entries: value.map(classifyEntry) };
  return { kind: 'single', entry: classifyEntry(value) };
}
