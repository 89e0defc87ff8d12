import { decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { z } from 'zod';
import { SystemStorage } from '@dinfra/runtime';
import type { RpcMethodTable } from '../server/index.ts';
import { invalidParams } from '../server/index.ts';
import type { NodeContext } from '../context.ts';
import { parseParams } from '../params.ts';

function accountId(address: string): string {
  try {
    return u8aToHex(decodeAddress(address));
  } catch (e) {
    throw invalidParams(`invalid account: ${(e as Error).message}`);
  }
}

/** `system_*`: node identity, health, and the next nonce of an account (pool-aware). */
export function systemMethods(ctx: NodeContext): RpcMethodTable {
  const chainType = ctx.spec.chainType ?? 'Live';
  return {
    system_name: () => ctx.nodeName,
    system_version: () => ctx.nodeVersion,
    system_chain: () => ctx.spec.name,
    system_chainType: () => chainType,
    system_properties: () => ctx.spec.properties ?? {},
    system_health: () => ({
      peers: ctx.peers().length,
      isSyncing: false,
      shouldHavePeers: chainType !== 'Development',
    }),
    system_localPeerId: () => ctx.peerId,
    system_localListenAddresses: () => ctx.listenAddresses,
    system_nodeRoles: () => [ctx.isAuthority ? 'Authority' : 'Full'],
    system_peers: () => ctx.peers(),
    system_syncState: () => {
      const best = ctx.chain.best.block.header.number;
      return { startingBlock: 0, currentBlock: best, highestBlock: best };
    },
    system_accountNextIndex: (params) => {
      const [address] = parseParams(params, z.string());
      const who = accountId(address);
      let nonce = SystemStorage.Account.get(ctx.chain.best.state!, who)?.nonce ?? 0;
      const pending = new Set(ctx.pool.pending().filter((t) => t.signer === who).map((t) => t.nonce));
      while (pending.has(nonce)) nonce++;
      return nonce;
    },
  };
}
