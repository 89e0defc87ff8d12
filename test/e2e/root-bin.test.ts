// `npx dinfra …` / `pnpm dinfra …` from the repository root with no alias: the root package
// depends on @dinfra/provider-cli (workspace), so the install links its bin into node_modules/.bin.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.ts';

const run = (file: string, args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(file, args, { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr }));
  });

describe('dinfra from the repository root', () => {
  it('the root package depends on @dinfra/provider-cli from the workspace', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(pkg.dependencies?.['@dinfra/provider-cli']).toBe('workspace:^');
  });

  it('node_modules/.bin/dinfra --help prints the CLI usage', async () => {
    const r = await run(join(ROOT, 'node_modules/.bin/dinfra'), ['--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: dinfra \[options\] \[command\]/);
    expect(r.stdout).toMatch(/subscribe/);
  });

  it('npx finds it locally (no download, no alias)', async () => {
    const r = await run('npx', ['--no-install', 'dinfra', '--version']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
