#!/usr/bin/env node
// dinfra: runs the bundle (dist/bin/dinfra.mjs, built after install) when it is up to date,
// else the TypeScript sources through tsx's ESM loader.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist/bin/dinfra.mjs');

/** Newest modification time under `dir` (node_modules left out). */
function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

/**
 * The sources the bundle was made from: this package's src/ and package.json, and the same of
 * every workspace package it depends on (runtime-specs, content, ...), followed transitively:
 * esbuild inlines them all, so a change in any of them makes the bundle stale.
 */
function sourceDirs(dir, seen = new Set()) {
  const real = realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const pkg = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8'));
  const own = [join(real, 'src'), join(real, 'package.json')].filter((p) => existsSync(p));
  const deps = Object.entries(pkg.dependencies ?? {}).filter(([, v]) => String(v).startsWith('workspace:'));
  return [...own, ...deps.flatMap(([name]) => (existsSync(join(real, 'node_modules', name)) ? sourceDirs(join(real, 'node_modules', name), seen) : []))];
}

function isFresh() {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return sourceDirs(root).every((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs) <= built);
}

const fresh = isFresh();
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
