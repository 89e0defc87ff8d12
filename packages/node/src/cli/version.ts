import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const NODE_BINARY_NAME = 'dinfra-node';
export const NODE_VERSION = '0.1.0';

let cached: string | undefined;

/** Short commit id: $DINFRA_NODE_COMMIT, else `git rev-parse`, else 'unknown'. */
export function nodeCommit(): string {
  if (cached !== undefined) return cached;
  const fromEnv = process.env['DINFRA_NODE_COMMIT'];
  if (fromEnv) return (cached = fromEnv);
  try {
    const cwd = fileURLToPath(new URL('.', import.meta.url));
    const out = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 });
    cached = out.toString().trim() || 'unknown';
  } catch {
    cached = 'unknown';
  }
  return cached;
}

/** `0.1.0-abc1234`, as Substrate's `<version>-<commit>`. */
export function nodeVersion(): string {
  return `${NODE_VERSION}-${nodeCommit()}`;
}

/** The line `--version` prints: `dinfra-node 0.1.0-abc1234`. */
export function versionLine(): string {
  return `${NODE_BINARY_NAME} ${nodeVersion()}`;
}
