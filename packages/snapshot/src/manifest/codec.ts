import { Bytes, Enum, Option, Struct, Vector, _void, str, u32, u64, u8 } from 'scale-ts';
import { ManifestFormatError } from '../errors.ts';
import { DATABASE_KINDS, MAX_CHUNK_SIZE, chunkCount, type ManifestBody, type Mirror, type Pruning } from './types.ts';

/** `DSNM`: the first four bytes of every manifest file. */
export const MANIFEST_MAGIC = new Uint8Array([0x44, 0x53, 0x4e, 0x4d]);
export const MANIFEST_VERSION = 1;
export const SIGNATURE_LENGTH = 64;

const H256 = Bytes(32);
const FileCodec = Struct({ path: str, size: u64, sha256: H256, chunks: Vector(H256) });
const BodyCodec = Struct({
  chain: str,
  genesisHash: H256,
  blockNumber: u32,
  blockHash: H256,
  database: Struct({ kind: u8, layoutVersion: u32 }),
  node: Struct({ name: str, version: str }),
  pruning: Enum({ Archive: _void, ArchiveCanonical: _void, Constrained: u32 }),
  createdAt: u64,
  validUntil: u64,
  previous: Option(H256),
  chunkSize: u32,
  files: Vector(FileCodec),
  mirrors: Vector(Enum({ S3: str, Http: str, Ipfs: str })),
  provider: H256,
  signer: H256,
});
type Wire = Parameters<typeof BodyCodec.enc>[0];

const PRUNING_TO_WIRE = (p: Pruning): Wire['pruning'] =>
  p.kind === 'archive' ? { tag: 'Archive', value: undefined } : p.kind === 'archive-canonical' ? { tag: 'ArchiveCanonical', value: undefined } : { tag: 'Constrained', value: p.blocks };
const MIRROR_TO_WIRE = (m: Mirror): Wire['mirrors'][number] => (m.kind === 's3' ? { tag: 'S3', value: m.url } : m.kind === 'http' ? { tag: 'Http', value: m.url } : { tag: 'Ipfs', value: m.cid });

function big(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n) || n < 0) throw new ManifestFormatError(`${what} must be a non-negative safe integer (got ${n})`);
  return BigInt(n);
}
function small(n: bigint, what: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ManifestFormatError(`${what} ${n} is larger than 2^53 - 1`);
  return Number(n);
}

/** Checks what SCALE cannot: paths, sorted unique files, chunk counts, sizes, URLs. */
export function validateBody(b: ManifestBody): void {
  const fail = (m: string): never => {
    throw new ManifestFormatError(m);
  };
  if (!b.chain) fail('chain is empty');
  if (b.chunkSize < 1 || b.chunkSize > MAX_CHUNK_SIZE) fail(`chunkSize ${b.chunkSize} is outside 1..${MAX_CHUNK_SIZE}`);
  if (b.validUntil < b.createdAt) fail('validUntil is before createdAt');
  if (!DATABASE_KINDS.includes(b.database.kind)) fail(`unknown database kind ${String(b.database.kind)}`);
  let prev: string | undefined;
  for (const f of b.files) {
    if (!isSafePath(f.path)) fail(`file path "${f.path}" is not a relative path of plain segments`);
    if (prev !== undefined && Buffer.compare(Buffer.from(prev), Buffer.from(f.path)) >= 0) fail(`files are not sorted and unique at "${f.path}"`);
    prev = f.path;
    const want = chunkCount(f.size, b.chunkSize);
    if (f.chunks.length !== want) fail(`file "${f.path}" of ${f.size} bytes has ${f.chunks.length} chunks, expected ${want}`);
  }
  for (const m of b.mirrors) {
    if (m.kind === 'ipfs') {
      if (!/^[A-Za-z0-9]+$/.test(m.cid)) fail(`mirror CID "${m.cid}" is malformed`);
    } else if (!/^https?:\/\/[^\s]+\/$/.test(m.url)) fail(`mirror URL "${m.url}" must be http(s) and end with "/"`);
  }
}

/** A relative POSIX path with no empty, `.` or `..` segments and no backslash or NUL. */
export function isSafePath(p: string): boolean {
  if (!p || p.startsWith('/') || /[\\\0]/.test(p)) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** SCALE encoding of the body (the bytes after magic and version). */
export function encodeBody(b: ManifestBody): Uint8Array {
  validateBody(b);
  return BodyCodec.enc({
    ...b,
    database: { kind: DATABASE_KINDS.indexOf(b.database.kind), layoutVersion: b.database.layoutVersion },
    pruning: PRUNING_TO_WIRE(b.pruning),
    createdAt: big(b.createdAt, 'createdAt'),
    validUntil: big(b.validUntil, 'validUntil'),
    previous: b.previous,
    files: b.files.map((f) => ({ ...f, size: big(f.size, `size of ${f.path}`), chunks: [...f.chunks] })),
    mirrors: b.mirrors.map(MIRROR_TO_WIRE),
  });
}

/** magic ++ version ++ body: what the manifest id hashes and the signature covers. */
export function encodeUnsigned(b: ManifestBody): Uint8Array {
  const body = encodeBody(b);
  const out = new Uint8Array(5 + body.length);
  out.set(MANIFEST_MAGIC, 0);
  out[4] = MANIFEST_VERSION;
  out.set(body, 5);
  return out;
}

/** Decodes a whole manifest file into its body and signature; throws ManifestFormatError. */
export function decodeManifest(bytes: Uint8Array): { body: ManifestBody; unsigned: Uint8Array; signature: Uint8Array } {
  if (bytes.length < 5 + SIGNATURE_LENGTH || !MANIFEST_MAGIC.every((v, i) => bytes[i] === v)) throw new ManifestFormatError('not a DINFRA snapshot manifest (no DSNM magic)');
  if (bytes[4] !== MANIFEST_VERSION) throw new ManifestFormatError(`manifest version ${bytes[4]} is not supported (this build reads ${MANIFEST_VERSION})`);
  const unsigned = bytes.subarray(0, bytes.length - SIGNATURE_LENGTH);
  let wire: Wire;
  try {
    wire = BodyCodec.dec(unsigned.slice(5)); // a copy: scale-ts ignores a view's byteOffset
  } catch (cause) {
    throw new ManifestFormatError(`manifest body does not decode: ${(cause as Error).message}`, { cause });
  }
  const kind = DATABASE_KINDS[wire.database.kind];
  if (!kind) throw new ManifestFormatError(`unknown database kind index ${wire.database.kind}`);
  const body: ManifestBody = {
    ...wire,
    database: { kind, layoutVersion: wire.database.layoutVersion },
    pruning: wire.pruning.tag === 'Archive' ? { kind: 'archive' } : wire.pruning.tag === 'ArchiveCanonical' ? { kind: 'archive-canonical' } : { kind: 'constrained', blocks: wire.pruning.value },
    createdAt: small(wire.createdAt, 'createdAt'),
    validUntil: small(wire.validUntil, 'validUntil'),
    previous: wire.previous,
    files: wire.files.map((f) => ({ ...f, size: small(f.size, `size of ${f.path}`) })),
    mirrors: wire.mirrors.map((m): Mirror => (m.tag === 'S3' ? { kind: 's3', url: m.value } : m.tag === 'Http' ? { kind: 'http', url: m.value } : { kind: 'ipfs', cid: m.value })),
  };
  validateBody(body);
  // Trailing bytes between the body and the signature would be unsigned-but-ignored data: refuse.
  if (encodeBody(body).length !== unsigned.length - 5) throw new ManifestFormatError('manifest has bytes after its body');
  return { body, unsigned, signature: bytes.slice(bytes.length - SIGNATURE_LENGTH) };
}
