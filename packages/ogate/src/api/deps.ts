/** What the HTTP handlers need. */
import type { Context } from 'openapi-backend';
import type { Request, Response } from 'express';
import type { operations, Provider } from '@dinfra/ogate-contract';
import type { OGateContext } from '../context.ts';
import type { Follower } from '../chain/follower.ts';
import type { SecretOpener } from '../descriptors/secrets.ts';

/** The chain OGate follows, as `GET /v1/provider` shows it (the contract's type). */
export type ChainInfo = Provider['chain'];

export interface ApiDeps {
  ctx: OGateContext;
  follower: Follower;
  secrets: SecretOpener;
  document: Record<string, unknown>;
  chain: ChainInfo;
}

/** An operation of the contract (openapi.yaml's operationIds, as generated). */
export type OperationId = keyof operations;

/** The JSON request body of `Op` as the contract's types say (undefined when it takes none). */
export type RequestBody<Op extends OperationId> = operations[Op] extends { requestBody: { content: { 'application/json': infer B } } } ? B : undefined;

/** openapi-backend's context with the request body typed for `Op` (openapi-backend has validated it). */
export type OpContext<Op extends OperationId> = Omit<Context, 'request'> & {
  request: Omit<Context['request'], 'requestBody'> & { requestBody: RequestBody<Op> };
};

export type Handler<Op extends OperationId> = (c: OpContext<Op>, req: Request, res: Response) => unknown;
export type HandlerFactory<Op extends OperationId> = (deps: ApiDeps) => Handler<Op>;

/** One handler per operation of the contract: a missing or an extra one fails the typecheck. */
export type HandlerTable = { readonly [Op in OperationId]: HandlerFactory<Op> };
