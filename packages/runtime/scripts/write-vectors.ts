// Writes the conformance vectors (frame/vectors/*.json) from the TypeScript runtime.
// Usage: node --import tsx packages/runtime/scripts/write-vectors.ts [--check]
// --check writes nothing and exits 1 when a committed file differs (what the drift test does).
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vectorFiles } from '../src/conformance/generate.ts';

const dir = fileURLToPath(new URL('../../../frame/vectors/', import.meta.url));
const check = process.argv.includes('--check');
const files = vectorFiles();
let differ = 0;
for (const [name, text] of files) {
  let old: string | undefined;
  try {
    old = readFileSync(join(dir, name), 'utf8');
  } catch {
    old = undefined;
  }
  if (old === text) continue;
  differ++;
  if (check) console.log(`${name}: ${old === undefined ? 'missing' : 'differs'}`);
  else writeFileSync(join(dir, name), text);
}
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.json') || files.has(name)) continue;
  differ++;
  if (check) console.log(`${name}: not generated any more`);
  else unlinkSync(join(dir, name));
}
const total = [...files.values()].reduce((n, t) => n + t.length, 0);
console.log(`${files.size} files, ${(total / 1024).toFixed(0)} KiB; ${differ} ${check ? 'differ' : 'written'}`);
if (check && differ > 0) process.exit(1);
