import { z } from 'zod';

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const hash = z.string().regex(/^0x[0-9a-fA-F]{64}$/);

/** The shapes the probe set's answers must have (a node that answers otherwise fails "reply"). */
export const REPLY_SCHEMAS = {
  chain_getBlockHash: hash,
  system_health: z.object({ peers: z.number().int().min(0), isSyncing: z.boolean(), shouldHavePeers: z.boolean().optional() }).passthrough(),
  chain_getHeader: z.object({ number: hex, parentHash: hash, stateRoot: hash }).passthrough(),
  chain_getFinalizedHead: hash,
  state_getRuntimeVersion: z.object({ specName: z.string(), specVersion: z.number().int() }).passthrough(),
  chain_subscribeNewHeads: z.union([z.string().min(1), z.number()]),
} as const;

export type ProbeMethod = keyof typeof REPLY_SCHEMAS;

/** The fixed probe set whose latency is measured every round. */
export const PROBE_METHODS = ['chain_getBlockHash', 'system_health', 'chain_getHeader', 'chain_getFinalizedHead', 'state_getRuntimeVersion'] as const;

/** Parses a result, or returns the reason it is malformed. */
export function checkReply<M extends ProbeMethod>(method: M, result: unknown): { ok: true; value: z.output<(typeof REPLY_SCHEMAS)[M]> } | { ok: false; reason: string } {
  const r = REPLY_SCHEMAS[method].safeParse(result);
  if (r.success) return { ok: true, value: r.data as z.output<(typeof REPLY_SCHEMAS)[M]> };
  const i = r.error.issues[0]!;
  return { ok: false, reason: `${method} result${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message} (got ${JSON.stringify(result)?.slice(0, 80)})` };
}

export const headerNumber = (h: { number: string }): number => Number.parseInt(h.number, 16);
