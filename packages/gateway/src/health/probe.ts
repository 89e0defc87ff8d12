import type { UpstreamClient } from '../upstream/upstream-client.ts';
import type { HealthSample } from './health-sample.ts';

/** `twox128("System") ++ twox128("Number")`: present in every FRAME chain's state. */
const SYSTEM_NUMBER_KEY = '0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac';

interface Header {
  number: string;
}

/** Asks one upstream what the health rules need (in parallel), plus old state for archives. */
export async function probe(client: UpstreamClient, opts: { archive: boolean; knownGenesis?: string | undefined }): Promise<HealthSample> {
  const [chain, genesisHash, health, best, finalizedHash, roles] = await Promise.all([
    client.call<string>('system_chain'),
    opts.knownGenesis ?? client.call<string>('chain_getBlockHash', [0]),
    client.call<{ peers: number; isSyncing: boolean; shouldHavePeers: boolean }>('system_health'),
    client.call<Header>('chain_getHeader'),
    client.call<string>('chain_getFinalizedHead'),
    client.call<string[]>('system_nodeRoles').catch(() => [] as string[]),
  ]);
  const [finalized, bestHash] = await Promise.all([
    client.call<Header | null>('chain_getHeader', [finalizedHash]),
    client.call<string>('chain_getBlockHash', [Number(best.number)]),
  ]);
  const sample: HealthSample = {
    at: Date.now(),
    chain,
    genesisHash,
    isSyncing: health.isSyncing,
    peers: health.peers,
    shouldHavePeers: health.shouldHavePeers,
    best: Number(best.number),
    bestHash,
    finalized: finalized ? Number(finalized.number) : 0,
    roles: Array.isArray(roles) ? roles.map(String) : [],
  };
  if (opts.archive && sample.best >= 1) {
    try {
      const oldHash = await client.call<string | null>('chain_getBlockHash', [1]);
      await client.call('state_getStorage', [SYSTEM_NUMBER_KEY, oldHash]);
      sample.archiveOk = oldHash !== null;
    } catch {
      sample.archiveOk = false;
    }
  }
  return sample;
}
