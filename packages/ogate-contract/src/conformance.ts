/**
 * `@dinfra/ogate-contract/conformance`: checks bodies against openapi.yaml (ajv, draft 2020-12).
 * `responseErrors` for anyone testing OGate or a stand-in of it; `requestErrors` for anyone
 * testing a reactor (the fake OGate of `/testing` runs it on every request it gets, so a
 * third-party reactor run against it is checked call by call).
 *
 * @example
 * import { requestErrors, responseErrors } from '@dinfra/ogate-contract/conformance';
 * responseErrors('getDeployment', 200, body); // [] when it conforms
 * requestErrors('reportStatus', { generation: 1, state: 'running' }); // ['/ must have required property \'endpoints\'', ...]
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { loadDocument } from './document.ts';
import type { operations } from './schema.ts';

export type OperationId = keyof operations;

interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>>; components: { responses: Record<string, { content?: Record<string, unknown> }> } };

const ID = 'urn:dinfra:ogate:openapi';
let state: { doc: Doc; ajv: Ajv2020; cache: Map<string, ValidateFunction> } | undefined;

function init() {
  if (state) return state;
  const doc = loadDocument() as unknown as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormatsPlugin as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ ...doc, $id: ID } as object);
  state = { doc, ajv, cache: new Map() };
  return state;
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function find(doc: Doc, operationId: string): { path: string; method: string; op: Operation } {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) if (op.operationId === operationId) return { path, method, op };
  }
  throw new Error(`no operation ${operationId} in openapi.yaml`);
}

/** The JSON Pointer (within openapi.yaml) of the response body schema of `operationId` / `status`. */
function responsePointer(doc: Doc, operationId: string, status: number): string {
  const { path, method, op } = find(doc, operationId);
  let resp = op.responses?.[String(status)];
  if (!resp) throw new Error(`${operationId} has no ${status} response in openapi.yaml`);
  let base = `#/paths/${escape(path)}/${method}/responses/${status}`;
  if (resp.$ref) {
    base = resp.$ref;
    resp = doc.components.responses[resp.$ref.split('/').pop()!]!;
  }
  const type = Object.keys(resp.content ?? {})[0];
  if (!type) throw new Error(`${operationId} ${status} has no content`);
  return `${base}/content/${escape(type)}/schema`;
}

function requestPointer(doc: Doc, operationId: string): string | undefined {
  const { path, method, op } = find(doc, operationId);
  const type = Object.keys(op.requestBody?.content ?? {})[0];
  return type ? `#/paths/${escape(path)}/${method}/requestBody/content/${escape(type)}/schema` : undefined;
}

function check(ptr: string, body: unknown): string[] {
  const s = init();
  let v = s.cache.get(ptr);
  if (!v) {
    v = s.ajv.compile({ $ref: `${ID}${ptr}` });
    s.cache.set(ptr, v);
  }
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/** Validation errors of `body` as the `status` response of `operationId` (empty when it conforms). */
export function responseErrors(operationId: OperationId, status: number, body: unknown): string[] {
  return check(responsePointer(init().doc, operationId, status), body);
}

/** Validation errors of `body` as the request body of `operationId` (empty when it conforms; an operation with no body takes none). */
export function requestErrors(operationId: OperationId, body: unknown): string[] {
  const ptr = requestPointer(init().doc, operationId);
  if (!ptr) return body === undefined ? [] : [`/ ${operationId} takes no request body`];
  return check(ptr, body);
}

/** The operation a request's method and path name (`/v1/deployments/7/status` → `reportStatus`), if any. */
export function operationOf(method: string, pathname: string): OperationId | undefined {
  const { doc } = init();
  for (const [path, item] of Object.entries(doc.paths)) {
    const re = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (!re.test(pathname)) continue;
    const op = item[method.toLowerCase()];
    if (op?.operationId) return op.operationId as OperationId;
  }
  return undefined;
}

export { loadDocument, OPENAPI_PATH } from './document.ts';
