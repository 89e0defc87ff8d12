/** The installed production dependency closure of a workspace package (as Node would resolve it). */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

function findPackage(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = basename(dir) === 'node_modules' ? join(dir, name) : join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every package name reachable through `dependencies` and `optionalDependencies` from `pkgDir`. */
export function dependencyClosure(pkgDir: string): Set<string> {
  const seen = new Set<string>();
  const queue = [realpathSync(pkgDir)];
  const visited = new Set<string>();
  while (queue.length) {
    const dir = queue.pop()!;
    if (visited.has(dir)) continue;
    visited.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      seen.add(name);
      const at = findPackage(dir, name);
      if (at) queue.push(at);
    }
  }
  return seen;
}
