import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VECTOR_FORMAT, type Vector, type VectorIndex } from './format.ts';

/** frame/vectors/ of this checkout. */
export const VECTORS_DIR = fileURLToPath(new URL('../../../../frame/vectors/', import.meta.url));

/** A vector file that is not what the format says (frame/vectors/README.md). */
export class VectorFormatError extends Error {
  static readonly errorName = 'VectorFormatError';
  override readonly name = 'VectorFormatError';
}

function need(ok: boolean, file: string, what: string): void {
  if (!ok) throw new VectorFormatError(`${file}: ${what}`);
}

/** Reads and checks the shape of one vector file. */
export function loadVector(file: string, dir = VECTORS_DIR): Vector {
  const v = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Vector;
  need(v.format === VECTOR_FORMAT, file, `format ${v.format}, this reader knows ${VECTOR_FORMAT}`);
  need(typeof v.name === 'string' && `${v.name}.json` === file, file, 'name is not the file name');
  need(Array.isArray(v.genesis?.balances) && typeof v.genesis.storage_root === 'string', file, 'genesis.balances / genesis.storage_root missing');
  need(Array.isArray(v.blocks), file, 'blocks missing');
  let next = 1;
  for (const b of v.blocks) {
    need(b.number === next && b.through >= b.number, file, `block entry ${b.number}..${b.through}: expected block ${next}`);
    need(b.through === b.number || b.calls.length === 0, file, `block entry ${b.number}..${b.through} has calls`);
    next = b.through + 1;
  }
  return v;
}

/** Every vector `index.json` lists, in order. */
export function loadVectors(dir = VECTORS_DIR): Vector[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as VectorIndex;
  return index.vectors.map((f) => loadVector(f, dir));
}
