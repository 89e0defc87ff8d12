import type { NodeContext } from '../context.ts';

/** The `{ type: 'valid', spec }` runtime description of `chainHead_v1_follow` (apis as an object). */
export function runtimeSpecJson(ctx: NodeContext) {
  const v = ctx.runtime.version;
  return {
    type: 'valid' as const,
    spec: {
      specName: v.specName,
      implName: v.implName,
      specVersion: v.specVersion,
      implVersion: v.implVersion,
      transactionVersion: v.transactionVersion,
      apis: Object.fromEntries(ctx.runtime.apiIds()),
    },
  };
}
