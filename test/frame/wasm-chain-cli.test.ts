// scripts/wasm-chain.mjs refuses bad usage before it builds or starts anything (exit 2, the
// field named). Needs no cargo.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, WASM_CHAIN } from '../support/wasm-chain.ts';

const run = (...args: string[]) => spawnSync(process.execPath, [WASM_CHAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

describe('scripts/wasm-chain.mjs usage', () => {
  it.each([
    [['--block-mode', 'instant'], '--port: a port number 0-65535 is required'],
    [['--port', 'x'], '--port: a port number 0-65535, not x'],
    [['--port', '70000'], '--port: a port number 0-65535, not 70000'],
    [['--port', '9944', '--block-mode', 'fast'], '--block-mode: instant, manual or interval, not fast'],
    [['--port', '9944', '--preset', 'prod'], '--preset: dev or local, not prod'],
    [['--port', '9944', '--block-mode', 'interval', '--block-time', '5'], '--block-time: milliseconds >= 100, not 5'],
    [['--port', '9944', '--bogus'], "Unknown option '--bogus'"],
  ])('%j: exit 2, %s', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: node scripts/wasm-chain.mjs');
  });

  it('--help prints the usage and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--block-mode M');
  });
});
