/**
 * The contract's error side: the problem types OGate answers with (RFC 9457,
 * `application/problem+json`) and the mapping of a refused response to a named error.
 */
import type { components } from './schema.ts';

export type Problem = components['schemas']['Problem'];

/** Every `type` OGate puts in a problem body. */
export const PROBLEM = {
  badRequest: 'urn:dinfra:ogate:bad-request',
  unauthorized: 'urn:dinfra:ogate:unauthorized',
  forbidden: 'urn:dinfra:ogate:forbidden-type',
  notFound: 'urn:dinfra:ogate:not-found',
  staleGeneration: 'urn:dinfra:ogate:stale-generation',
  absent: 'urn:dinfra:ogate:deployment-absent',
  illegalTransition: 'urn:dinfra:ogate:illegal-transition',
  internal: 'urn:dinfra:ogate:internal',
} as const;
export type ProblemType = (typeof PROBLEM)[keyof typeof PROBLEM];

/** OGate answered 409: the report is for a generation that is no longer current (or the deployment is absent). */
export class StaleGenerationError extends Error {
  static readonly errorName = 'StaleGenerationError';
  override readonly name = 'StaleGenerationError';
  readonly code = 'STALE_GENERATION';
  constructor(message: string, readonly problem?: Problem, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** OGate refused or failed a call (status and problem detail kept). */
export class OGateError extends Error {
  static readonly errorName = 'OGateError';
  override readonly name = 'OGateError';
  readonly code = 'OGATE_ERROR';
  constructor(message: string, readonly status: number, options?: { cause?: unknown; problem?: Problem }) {
    super(message, options);
    this.problem = options?.problem;
  }
  readonly problem: Problem | undefined;
}

const asProblem = (error: unknown): Problem | undefined =>
  error && typeof error === 'object' && typeof (error as Problem).status === 'number' ? (error as Problem) : undefined;

/**
 * The named error for a response that brought no data: 409 is a `StaleGenerationError`,
 * anything else an `OGateError` carrying the status. `what` names the call in the message.
 *
 * @example
 * const { data, error, response } = await ogate.GET('/v1/deployments', {});
 * if (!data) throw responseError('GET /v1/deployments', response, error);
 */
export function responseError(what: string, response: Pick<Response, 'status'>, error: unknown): OGateError | StaleGenerationError {
  const problem = asProblem(error);
  if (response.status === 409) return new StaleGenerationError(`${what}: ${problem?.detail ?? 'stale generation'}`, problem);
  return new OGateError(`${what}: HTTP ${response.status} ${problem?.detail ?? ''}`.trim(), response.status, { problem });
}
