import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `papi add` runs: typed/.papi (config, metadata) and typed/descriptors (generated; gitignored). */
export const TYPED_DIR = fileURLToPath(new URL('./typed/', import.meta.url));
const PAPI_CLI = fileURLToPath(new URL('../node_modules/polkadot-api/bin/cli.js', import.meta.url));
const WS_GLOBAL = fileURLToPath(new URL('./ws-global.mjs', import.meta.url));

/**
 * `papi add dinfra -w <wsUrl>` (which runs `papi generate`): typed descriptors from the running
 * node's metadata, as a plain folder (no package.json edits, no install). Skipped by the CLI when the
 * metadata hash is unchanged since the last run.
 */
export function generateDescriptors(wsUrl: string): Promise<string> {
  mkdirSync(`${TYPED_DIR}.papi`, { recursive: true });
  const config = { version: 0, descriptorPath: 'descriptors', entries: {}, options: { noDescriptorsPackage: true } };
  writeFileSync(`${TYPED_DIR}.papi/polkadot-api.json`, JSON.stringify(config, null, 2) + '\n');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', WS_GLOBAL, PAPI_CLI, 'add', 'dinfra', '-w', wsUrl], { cwd: TYPED_DIR }, (err, stdout, stderr) => {
      if (err) reject(new Error(`papi add failed: ${err.message}\n${stdout}${stderr}`));
      else resolve(stdout + stderr);
    });
  });
}
