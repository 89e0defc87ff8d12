/**
 * A chain's `public` section in the catalog: the RPC URL and bootnodes machines in a cloud use.
 * Loopback URLs are refused here (see public-chain.ts for the start-up check).
 */
import { z } from 'zod';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0|\[?::\]?)$/i;

/** Whether `url`'s host is a loopback (or unspecified) address. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

export const publicUrl = z.string().url().regex(/^wss?:\/\//, 'a ws:// or wss:// URL')
  .refine((u) => !isLoopbackUrl(u), 'a loopback address: a machine in a cloud cannot reach it; give the chain\'s public RPC URL');

/** A catalog entry's `public` section. */
export const publicChainSchema = z.object({
  rpcUrl: publicUrl.optional().describe('The chain\'s RPC URL as machines in a cloud reach it (--sync-from, the chain spec); default: OGate\'s chain URL'),
  bootnodes: z.array(z.string().min(1)).default([]).describe('Bootnodes added for nodes in a cloud'),
}).strict();

export type PublicChain = z.infer<typeof publicChainSchema>;

