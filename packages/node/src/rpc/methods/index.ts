import { rpcMethodsResult, type RpcMethodTable } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { authorMethods } from './author.ts';
import { chainMethods } from './chain.ts';
import { devMethods } from './dev.ts';
import { dryRunMethods } from './dry-run.ts';
import { paymentMethods } from './payment.ts';
import { stateMethods } from './state.ts';
import { syncStateMethods } from './sync-state.ts';
import { systemMethods } from './system.ts';

/** Every JSON-RPC method the node serves; `rpc_methods` is derived from the table. */
export function nodeMethods(ctx: NodeContext, extra: Array<(ctx: NodeContext) => RpcMethodTable> = []): RpcMethodTable {
  const table: RpcMethodTable = {
    ...systemMethods(ctx),
    ...chainMethods(ctx),
    ...stateMethods(ctx),
    ...authorMethods(ctx),
    ...paymentMethods(ctx),
    ...devMethods(ctx),
    ...dryRunMethods(ctx),
    ...syncStateMethods(ctx),
  };
  for (const f of extra) Object.assign(table, f(ctx));
  table.rpc_methods = () => rpcMethodsResult(table);
  return table;
}
