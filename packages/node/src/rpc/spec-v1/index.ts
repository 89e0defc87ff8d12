import type { RpcMethodTable } from '../server/index.ts';
import type { NodeContext } from '../context.ts';

/** The new JSON-RPC spec groups (chainHead_v1, chainSpec_v1, transaction_v1). */
export const chainHeadExtensions: Array<(ctx: NodeContext) => RpcMethodTable> = [];
