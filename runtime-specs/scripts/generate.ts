import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** runtime-specs/ (typegen resolves --input/--output against the working directory). */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Where the committed augmentation lives. */
export const INTERFACES_DIR = join(PACKAGE_DIR, 'src', 'interfaces');
/** The package path the generated files name for user types. */
export const TYPES_PACKAGE = '@dinfra/runtime-specs/interfaces';
/** The command that regenerates the committed augmentation. */
export const REGENERATE_COMMAND = 'pnpm --filter @dinfra/runtime-specs typegen';

const typegenScript = (name: string): string => join(PACKAGE_DIR, 'node_modules', '@polkadot', 'typegen', 'scripts', `${name}.mjs`);

/** Runs one typegen CLI under tsx (it imports the .ts definitions) and returns its output. */
function runTypegen(name: string, args: string[]): string {
  try {
    return execFileSync(process.execPath, ['--import', 'tsx', typegenScript(name), ...args], {
      cwd: PACKAGE_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${name} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

/**
 * Generates the @polkadot/api augmentation (lookup types, augment-api-*, augment-types) from the
 * metadata of the node at `endpoint` into `outDir`, with `polkadot-types-from-defs` then
 * `polkadot-types-from-chain --strict`. Returns the tools' output.
 */
export function generateAugmentation(endpoint: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const definitions = join(outDir, 'definitions.ts');
  if (!existsSync(definitions)) {
    copyFileSync(join(INTERFACES_DIR, 'definitions.ts'), definitions);
    // Hand-written modules (a folder with a definitions.ts, e.g. dinfra/ for DinfraApi).
    for (const entry of readdirSync(INTERFACES_DIR, { withFileTypes: true })) {
      const source = join(INTERFACES_DIR, entry.name, 'definitions.ts');
      if (!entry.isDirectory() || !existsSync(source)) continue;
      mkdirSync(join(outDir, entry.name), { recursive: true });
      copyFileSync(source, join(outDir, entry.name, 'definitions.ts'));
    }
  }
  const rel = relative(PACKAGE_DIR, outDir) || '.';
  const log =
    runTypegen('polkadot-types-from-defs', ['--package', TYPES_PACKAGE, '--input', rel, '--endpoint', endpoint]) +
    runTypegen('polkadot-types-from-chain', ['--package', TYPES_PACKAGE, '--output', rel, '--endpoint', endpoint, '--strict']);
  const errors = log.split('\n').filter((l) => l.includes('ERROR'));
  if (errors.length) throw new Error(`typegen reported errors:\n${errors.join('\n')}`);
  return log;
}

/** Files that differ between two generated folders (missing on either side included). */
export function diffGenerated(expectedDir: string, actualDir: string): string[] {
  const files = new Set([...readdirSync(expectedDir), ...readdirSync(actualDir)].filter((f) => f.endsWith('.ts')));
  const read = (dir: string, f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);
  return [...files].sort().filter((f) => read(expectedDir, f) !== read(actualDir, f));
}
