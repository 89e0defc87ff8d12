#!/usr/bin/env node
// dinfra: runs the bundle (dist/bin/dinfra.mjs, built after install) when it is up to date,
// else the TypeScript sources through tsx's ESM loader.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist/bin/dinfra.mjs');

/** Newest modification time under `dir` (the sources the bundle was made from). */
function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

const fresh = existsSync(bundle) && statSync(bundle).mtimeMs >= newest(join(root, 'src'));
let main;
if (fresh) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
