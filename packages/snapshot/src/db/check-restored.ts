import { u8aEq, u8aToHex } from '@polkadot/util';
import { RestoreCheckError } from '../errors.ts';
import type { ManifestBody } from '../manifest/types.ts';
import { readLevelHead } from './dinfra-leveldb.ts';

/**
 * Opens a restored database and proves it holds the manifest's block at the manifest's height
 * (and the manifest's genesis). Only dinfra-node LevelDB can be opened here; other kinds are
 * checked by the node that starts on them (the reactor's block-hash-at-height probe).
 */
export async function checkRestored(dir: string, body: ManifestBody): Promise<{ finalized: number }> {
  if (body.database.kind !== 'dinfra-leveldb') throw new RestoreCheckError(`a ${body.database.kind} database cannot be opened by this tool: start its node and compare chain_getBlockHash(${body.blockNumber})`);
  const head = await readLevelHead(dir, body.blockNumber).catch((e: Error) => {
    throw new RestoreCheckError(`restored database at ${dir} does not open: ${e.message}`, { cause: e });
  });
  if (!u8aEq(head.genesisHash, body.genesisHash)) throw new RestoreCheckError(`restored database has genesis ${u8aToHex(head.genesisHash)}, manifest says ${u8aToHex(body.genesisHash)}`);
  if (!head.hashAt || !u8aEq(head.hashAt, body.blockHash)) throw new RestoreCheckError(`restored database holds ${head.hashAt ? u8aToHex(head.hashAt) : 'nothing'} at #${body.blockNumber}, manifest says ${u8aToHex(body.blockHash)}`);
  return { finalized: head.finalized };
}
