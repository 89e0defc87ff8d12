/** Asserts that a response conforms to openapi.yaml (ajv over the contract's schemas). */
import { expect } from 'vitest';
import { responseErrors, type OperationId } from '@dinfra/ogate-contract/conformance';

export function expectConforms(operationId: OperationId, status: number, body: unknown): void {
  const errors = responseErrors(operationId, status, body);
  expect(errors, `${operationId} ${status} does not conform to openapi.yaml: ${errors.join('; ')}\n${JSON.stringify(body)}`).toEqual([]);
}
