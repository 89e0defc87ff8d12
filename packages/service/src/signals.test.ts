import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./signals.fixture.ts', import.meta.url));

/** Starts a process that stops slowly on a signal; resolves once it says it is up. */
async function start(stopMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, String(stopMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { child, exited, stderr: () => err };
}

describe('untilSignal', () => {
  it('the first signal stops gracefully (exit 0 once stop resolved)', async () => {
    const p = await start(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.stderr()).toContain('svc: SIGTERM, stopping');
    expect(p.stderr()).toContain('stopped');
  });

  it('a second signal during the stop forces the exit', async () => {
    const p = await start(60_000);
    p.child.kill('SIGINT');
    await new Promise<void>((resolve) => {
      const check = () => (p.stderr().includes('stopping') ? resolve() : setTimeout(check, 20));
      check();
    });
    p.child.kill('SIGINT');
    expect(await p.exited, p.stderr()).toBe(130);
    expect(p.stderr()).toContain('svc: SIGINT again, exiting without waiting');
    expect(p.stderr()).not.toContain('stopped');
  });
});
