/**
 * The handler table is held to the contract's operations by the typecheck (`tsc -p
 * tsconfig.json` fails when an `@ts-expect-error` below stops being an error); this file
 * also checks at run time that every operationId of openapi.yaml has its handler.
 */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '@dinfra/ogate-contract/conformance';
import type { HandlerFactory, HandlerTable } from '../deps.ts';
import { HANDLERS } from './index.ts';

const { healthz: _dropped, ...missingOne } = HANDLERS;
// @ts-expect-error a table without healthz is not a HandlerTable
const missing: HandlerTable = missingOne;

// @ts-expect-error an operation the contract does not have is refused
const extra: HandlerTable = { ...HANDLERS, deleteEverything: HANDLERS.healthz };

// @ts-expect-error a handler typed for another operation (its body type differs) does not fit
const swapped: HandlerTable = { ...HANDLERS, reportStatus: HANDLERS.terminateDeployment };

// A handler's request body is the contract's type, not a cast.
const body: HandlerFactory<'reportStatus'> = () => (c) => {
  const b = c.request.requestBody;
  // @ts-expect-error endpoints exist only once state is narrowed to running
  void b.endpoints;
  if (b.state === 'running') void b.endpoints.length;
  if (b.state === 'failed') void b.reason.length;
};

describe('handler table', () => {
  it('has exactly one handler per operationId of openapi.yaml', () => {
    const doc = loadDocument() as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId)).filter(Boolean).sort();
    expect(Object.keys(HANDLERS).sort()).toEqual(ops);
    expect([missing, extra, swapped, body].length).toBe(4);
  });
});
