import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cryptoWaitReady, sr25519PairFromSeed, sr25519Sign } from '@polkadot/util-crypto';
import type { ManifestSigner } from '../manifest/sign.ts';
import type { ManifestBody } from '../manifest/types.ts';

/** A deterministic test signer (sr25519 from a one-byte-repeated mini-secret). */
export async function testSigner(byte = 0x42): Promise<ManifestSigner> {
  await cryptoWaitReady();
  const kp = sr25519PairFromSeed(new Uint8Array(32).fill(byte));
  return { publicKey: kp.publicKey, sign: (m) => sr25519Sign(m, kp) };
}

/** A directory of random files standing in for a database (sizes in bytes). */
export async function randomDatabase(files: Record<string, number>, root?: string): Promise<string> {
  const dir = root ?? (await mkdtemp(join(tmpdir(), 'snap-db-')));
  for (const [path, size] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), randomBytes(size));
  }
  return dir;
}

/** The descriptive part of a test manifest. */
export function testBody(provider = new Uint8Array(32).fill(0xcc)): Omit<ManifestBody, 'files' | 'mirrors' | 'previous' | 'chunkSize' | 'signer' | 'createdAt' | 'validUntil'> {
  return {
    chain: 'Development',
    genesisHash: new Uint8Array(32).fill(0xaa),
    blockNumber: 10,
    blockHash: new Uint8Array(32).fill(0xbb),
    database: { kind: 'dinfra-leveldb', layoutVersion: 1 },
    node: { name: 'dinfra-node', version: '0.1.0' },
    pruning: { kind: 'constrained', blocks: 4096 },
    provider,
  };
}
