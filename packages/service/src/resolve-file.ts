/**
 * The file a package specifier names, resolved from the calling module as Node resolves its
 * imports (the package's declared exports): `resolveFile(import.meta, '@dinfra/node/bin')`.
 * This is how a package reaches a sibling's file: as a declared dependency, never by a relative
 * path out of its own folder.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** `import.meta` of the caller; `resolve` is missing where a loader (vitest) leaves it out. */
export interface CallerMeta {
  readonly url: string;
  readonly resolve?: (specifier: string) => string;
}

export function resolveFile(meta: CallerMeta, specifier: string): string {
  if (typeof meta.resolve === 'function') return fileURLToPath(meta.resolve(specifier));
  return createRequire(meta.url).resolve(specifier);
}
