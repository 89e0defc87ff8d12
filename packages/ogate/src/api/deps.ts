/** What the HTTP handlers need. */
import type { Context } from 'openapi-backend';
import type { Request, Response } from 'express';
import type { OGateContext } from '../context.ts';
import type { Follower } from '../chain/follower.ts';
import type { SecretOpener } from '../descriptors/secrets.ts';

export interface ChainInfo {
  name: string;
  genesisHash: string;
  rpcUrl: string;
  tokenSymbol: string;
  tokenDecimals: number;
  ss58Format: number;
}

export interface ApiDeps {
  ctx: OGateContext;
  follower: Follower;
  secrets: SecretOpener;
  document: Record<string, unknown>;
  chain: ChainInfo;
}

export type Handler = (c: Context, req: Request, res: Response) => unknown;
export type HandlerFactory = (deps: ApiDeps) => Handler;
