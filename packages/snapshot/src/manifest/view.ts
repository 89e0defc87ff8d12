import { u8aToHex } from '@polkadot/util';
import { chunkLength, totalBytes, type SignedManifest } from './types.ts';

/** A manifest as plain JSON (hex for hashes), for `dinfra snapshot inspect` and status. */
export function manifestJson(m: SignedManifest, opts: { chunks?: boolean } = {}) {
  const b = m.body;
  return {
    id: u8aToHex(m.id),
    chain: b.chain,
    genesisHash: u8aToHex(b.genesisHash),
    blockNumber: b.blockNumber,
    blockHash: u8aToHex(b.blockHash),
    database: b.database,
    node: b.node,
    pruning: b.pruning,
    createdAt: new Date(b.createdAt * 1000).toISOString(),
    validUntil: new Date(b.validUntil * 1000).toISOString(),
    previous: b.previous ? u8aToHex(b.previous) : null,
    chunkSize: b.chunkSize,
    totalBytes: totalBytes(b),
    chunkCount: b.files.reduce((n, f) => n + f.chunks.length, 0),
    files: b.files.map((f) => ({
      path: f.path,
      size: f.size,
      sha256: Buffer.from(f.sha256).toString('hex'),
      chunks: opts.chunks ? f.chunks.map((c, i) => ({ size: chunkLength(f, b.chunkSize, i), sha256: Buffer.from(c).toString('hex') })) : f.chunks.length,
    })),
    mirrors: b.mirrors,
    provider: u8aToHex(b.provider),
    signer: u8aToHex(b.signer),
    signature: u8aToHex(m.signature),
  };
}
