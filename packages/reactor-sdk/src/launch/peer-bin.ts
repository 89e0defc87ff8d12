import { resolveFile } from '@dinfra/service';

/**
 * The file a bin export of an optional peer package names (`@dinfra/node/bin`,
 * `@dinfra/gateway/bin`): the local backend runs them. When the peer is not installed the path
 * says so, and launching it fails with that name in the error.
 */
export function peerBin(specifier: string): string {
  try {
    return resolveFile(import.meta, specifier);
  } catch {
    return `${specifier} (not installed: add ${specifier.split('/').slice(0, 2).join('/')} to the project)`;
  }
}
