/**
 * Where a machine in a cloud reaches the chains it follows. OGate's `--url` is often a loopback
 * address (`ws://127.0.0.1:9944`): right for the local backend, unreachable from a VM. Cloud
 * backends plan nodes with each chain's `public.rpcUrl` (for `--sync-from` and the chain spec)
 * and `public.bootnodes`, and a cloud reactor refuses to start when a chain it would follow
 * resolves to a loopback URL.
 */
import type { ChainCatalog } from './catalog.ts';
import { followUrl, type MarketplaceChain } from './plan-node.ts';
import { publicUrl } from './public-url.ts';

export { isLoopbackUrl, publicChainSchema, type PublicChain } from './public-url.ts';
export { followUrl } from './plan-node.ts';

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
