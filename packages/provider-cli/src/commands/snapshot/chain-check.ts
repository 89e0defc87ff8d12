import type { Context } from '../../context.ts';
import * as chain from '../../lib/chain.ts';
import { SnapshotCommandError } from './load.ts';

/** The provider account and the operator key the chain lists for it, as 0x-hex public keys. */
export async function providerKeys(ctx: Context, providerAddress: string): Promise<{ provider: string; operator: string; name: string }> {
  const api = await ctx.api();
  const info = await chain.provider(api, providerAddress);
  if (!info) throw new SnapshotCommandError('E_SNAPSHOT_MANIFEST_SIGNER', `${providerAddress} is not a registered provider on ${ctx.opts.url}`);
  const { decodeAddress } = await import('@polkadot/util-crypto');
  const { u8aToHex } = await import('@polkadot/util');
  return { provider: u8aToHex(decodeAddress(providerAddress)), operator: u8aToHex(decodeAddress(info.operator)), name: info.name };
}
