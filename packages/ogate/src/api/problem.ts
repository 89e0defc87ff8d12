/** RFC 9457 problem details (`application/problem+json`); never carries secrets. */
import type { Response } from 'express';
import { PROBLEM } from '@dinfra/ogate-contract';

export interface FieldError {
  path: string;
  message: string;
}

export { PROBLEM };

export function problem(res: Response, status: number, type: string, title: string, detail?: string, errors?: FieldError[]): void {
  if (res.headersSent) return;
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type, title, status, ...(detail ? { detail } : {}), ...(errors?.length ? { errors } : {}) }));
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, PROBLEM.badRequest, 'Bad request', detail, errors);
export const notFound = (detail: string) => new HttpProblem(404, PROBLEM.notFound, 'Not found', detail);
export const forbidden = (detail: string) => new HttpProblem(403, PROBLEM.forbidden, 'Forbidden', detail);
