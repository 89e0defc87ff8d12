/**
 * Where a machine in a cloud reaches the chains it follows. OGate's `--url` is often a loopback
 * address (`ws://127.0.0.1:9944`): right for the local backend, unreachable from a VM. Cloud
 * backends plan nodes with each chain's `public.rpcUrl` (for `--sync-from` and the chain spec)
 * and `public.bootnodes`, and a cloud reactor refuses to start when a chain it would follow
 * resolves to a loopback URL.
 */
import { z } from 'zod';
import type { ChainCatalog } from './catalog.ts';
import type { MarketplaceChain } from './plan-node.ts';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0|\[?::\]?)$/i;

/** Whether `url`'s host is a loopback (or unspecified) address. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

const publicUrl = z.string().url().regex(/^wss?:\/\//, 'a ws:// or wss:// URL')
  .refine((u) => !isLoopbackUrl(u), 'a loopback address: a machine in a cloud cannot reach it; give the chain\'s public RPC URL');

/** A catalog entry's `public` section. */
export const publicChainSchema = z.object({
  rpcUrl: publicUrl.optional().describe('The chain\'s RPC URL as machines in a cloud reach it (--sync-from, the chain spec); default: OGate\'s chain URL'),
  bootnodes: z.array(z.string().min(1)).default([]).describe('Bootnodes added for nodes in a cloud'),
}).strict();

export type PublicChain = z.infer<typeof publicChainSchema>;

/** The URL a cloud machine of `chain` follows (its public URL, else OGate's). */
export function followUrl(publicRpcUrl: string | undefined, marketplace: MarketplaceChain): string {
  return publicRpcUrl ?? marketplace.rpcUrl;
}

/** A chain a cloud machine would follow through a loopback URL (start-up refusal). */
export class LoopbackChainUrlError extends Error {
  static readonly errorName = 'LoopbackChainUrlError';
  override readonly name = 'LoopbackChainUrlError';
  readonly code = 'CHAIN_URL_LOOPBACK';
}

/**
 * Checks, for a cloud backend, every catalog chain that follows OGate's chain: the URL its
 * machines would get must not be loopback. The error names the field to set
 * (`chains.<name>.public.rpcUrl`).
 */
export function checkPublicChainUrls(catalog: ChainCatalog, marketplace: MarketplaceChain | undefined, backend: string): void {
  for (const [name, entry] of Object.entries(catalog)) {
    if (entry.follow !== 'ogate' || !marketplace) continue;
    const url = followUrl(entry.public?.rpcUrl, marketplace);
    const r = publicUrl.safeParse(url);
    if (!r.success) {
      const from = entry.public?.rpcUrl ? '' : ` (OGate's chain URL, its --url; chains.${name}.public.rpcUrl is not set)`;
      throw new LoopbackChainUrlError(`chains.${name}.public.rpcUrl: ${url}${from} is ${r.error.issues[0]!.message} (--backend ${backend})`);
    }
  }
}
