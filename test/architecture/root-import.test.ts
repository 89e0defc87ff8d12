/**
 * Importing `@dinfra/reactor-sdk` (the root) loads neither the AWS SDK nor the cloud
 * backends: a reactor loads its backend's modules only when it is configured with it
 * (`@dinfra/reactor-sdk/aws`, `@dinfra/reactor-sdk/cloudstack` for direct use). Checked in
 * a fresh `node` whose loader hooks record every module URL it loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const TEST_DIR = fileURLToPath(new URL('..', import.meta.url));
const REGISTER = new URL('./fixtures/record-loads.register.mjs', import.meta.url).href;
const dirs: string[] = [];

/** The URLs a fresh `node` (tsx, cwd test/) loads for `import(specifier)`. */
function loadedBy(specifier: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'dinfra-root-import-'));
  dirs.push(dir);
  const log = join(dir, 'loads.txt');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', REGISTER, '--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`],
    { cwd: TEST_DIR, env: { ...process.env, RECORD_LOADS: log }, encoding: 'utf8', timeout: 90_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('importing @dinfra/reactor-sdk', () => {
  it('loads neither @aws-sdk/client-ec2 nor the AWS and CloudStack backends', () => {
    const urls = loadedBy('@dinfra/reactor-sdk');
    expect(urls.some((u) => u.includes('/reactor-sdk/src/index.ts')), 'the root itself was recorded').toBe(true);
    expect(urls.filter((u) => u.includes('@aws-sdk/client-ec2'))).toEqual([]);
    expect(urls.filter((u) => u.includes('@aws-sdk/'))).toEqual([]);
    expect(urls.filter((u) => /backends\/(aws\/aws-backend|cloudstack\/cloudstack-backend)\.ts$/.test(u))).toEqual([]);
  });

  it('the recorder sees @aws-sdk/client-ec2 when @dinfra/reactor-sdk/aws is imported (the check itself)', () => {
    const urls = loadedBy('@dinfra/reactor-sdk/aws');
    expect(urls.some((u) => u.includes('@aws-sdk/client-ec2'))).toBe(true);
  });
});
