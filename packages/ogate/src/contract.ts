/**
 * `@dinfra/ogate/contract`: checks a response body against openapi.yaml (ajv, draft 2020-12),
 * for OGate's own tests and for anyone testing a client or a stand-in of OGate.
 *
 * @example
 * import { responseErrors } from '@dinfra/ogate/contract';
 * responseErrors('getDeployment', 200, body); // [] when it conforms
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { loadDocument } from './api/document.ts';

type Doc = { paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>; components: { responses: Record<string, unknown> } };

let state: { doc: Doc; ajv: Ajv2020; cache: Map<string, ValidateFunction> } | undefined;

function init() {
  if (state) return state;
  const doc = loadDocument() as unknown as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormatsPlugin as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ ...doc, $id: 'urn:dinfra:ogate:openapi' } as object);
  state = { doc, ajv, cache: new Map() };
  return state;
}

/** The JSON Pointer (within openapi.yaml) of the response body schema of `operationId` / `status`. */
function schemaPointer(doc: Doc, operationId: string, status: number): string {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (op.operationId !== operationId) continue;
      let resp = op.responses?.[String(status)] as { $ref?: string; content?: Record<string, unknown> } | undefined;
      if (!resp) throw new Error(`${operationId} has no ${status} response in openapi.yaml`);
      let base = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}`;
      if (resp.$ref) {
        base = resp.$ref;
        resp = doc.components.responses[resp.$ref.split('/').pop()!] as typeof resp;
      }
      const type = Object.keys(resp!.content ?? {})[0];
      if (!type) throw new Error(`${operationId} ${status} has no content`);
      return `${base}/content/${type.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
    }
  }
  throw new Error(`no operation ${operationId} in openapi.yaml`);
}

/** Validation errors of `body` as the `status` response of `operationId` (empty when it conforms). */
export function responseErrors(operationId: string, status: number, body: unknown): string[] {
  const s = init();
  const ptr = schemaPointer(s.doc, operationId, status);
  let v = s.cache.get(ptr);
  if (!v) {
    v = s.ajv.compile({ $ref: `urn:dinfra:ogate:openapi${ptr}` });
    s.cache.set(ptr, v);
  }
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
