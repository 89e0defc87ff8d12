import { z } from 'zod';
import { RpcError, type RpcMethodTable } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { parseParams } from '../params.ts';

/** `dev_*`: manual block production (as Chopsticks' dev_newBlock). */
export function devMethods(ctx: NodeContext): RpcMethodTable {
  return {
    dev_newBlock: async (params) => {
      const [opts] = parseParams(params, z.object({ count: z.number().int().min(1).max(1000).optional() }).strict().nullish());
      if (!ctx.newBlock) throw new RpcError(-32000, 'This node does not author blocks (it follows another node)');
      let hash = ctx.chain.best.block.hash;
      for (let i = 0; i < (opts?.count ?? 1); i++) hash = (await ctx.newBlock()).block.hash;
      return hash;
    },
  };
}
