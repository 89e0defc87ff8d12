import type { RpcMethodTable } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { parseParams } from '../params.ts';

/** `chainSpec_v1_*`: chain name, genesis hash and properties (never change for a connection). */
export function chainSpecMethods(ctx: NodeContext): RpcMethodTable {
  return {
    chainSpec_v1_chainName: (params) => (parseParams(params), ctx.spec.name),
    chainSpec_v1_genesisHash: (params) => (parseParams(params), ctx.chain.genesisHash),
    chainSpec_v1_properties: (params) => (parseParams(params), ctx.spec.properties ?? {}),
  };
}
