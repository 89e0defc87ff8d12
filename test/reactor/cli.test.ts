/** `dinfra-reactor` as an operator meets it: --help, and bad configuration refused with the field named (exit 2, nothing started). */
import { execFile, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/ogate.ts';
import { REACTOR_BIN } from './support.ts';

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [REACTOR_BIN, ...args], { timeout: 60_000, env: { ...process.env, DINFRA_REACTOR_TOKEN: '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

describe('dinfra-reactor command line', () => {
  it('--help lists every flag and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const f of ['--ogate', '--token', '--backend', '--data-dir', '--listen', '--chains', '--config', '--grace', '--public-host']) expect(r.stdout).toContain(f);
  });

  it.each([
    [['--token', 't', '--data-dir', 'D', '--ogate', 'not a url'], /--ogate \(ogate\): Invalid url/],
    [['--ogate', 'http://127.0.0.1:1', '--data-dir', 'D'], /--token \(token\): Required/],
    [['--ogate', 'http://127.0.0.1:1', '--token', 't', '--data-dir', 'D', '--listen', 'nowhere'], /--listen \(listen\): expected HOST:PORT/],
    [['--ogate', 'http://127.0.0.1:1', '--token', 't', '--data-dir', 'D', '--grace', '-5'], /--grace takes a number of seconds/],
    [['--ogate', 'http://127.0.0.1:1', '--token', 't', '--data-dir', 'D', '--backend', 'kubernetes'], /--backend \(backend\): "kubernetes" is not one of local/],
  ])('refuses %j', async (args, message) => {
    const dir = tempDir('dinfra-reactor-bad-');
    const r = await run(args.map((a) => (a === 'D' ? join(dir, 'data') : a)));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'data', 'reactor.sqlite'))).toBe(false);
  });

  it('refuses a chain catalog or a config file with a bad field, naming it', async () => {
    const dir = tempDir('dinfra-reactor-bad-');
    writeFileSync(join(dir, 'chains.yaml'), 'chains:\n  polkadot:\n    chainSpec: polkadot\n');
    const a = await run(['--ogate', 'http://127.0.0.1:1', '--token', 't', '--data-dir', join(dir, 'd1'), '--chains', join(dir, 'chains.yaml')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/chains.polkadot.binary: Required/);
    writeFileSync(join(dir, 'reactor.yaml'), 'reactor:\n  resyncMs: 3600000\n');
    const b = await run(['--ogate', 'http://127.0.0.1:1', '--token', 't', '--data-dir', join(dir, 'd2'), '--config', join(dir, 'reactor.yaml')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/reactor.resyncMs: Number must be less than or equal to 60000/);
  });

  it('listens on an IPv6 HOST:PORT ([::1]:0) and says so with the address in brackets', async () => {
    const dir = tempDir('dinfra-reactor-v6-');
    const child = spawn(process.execPath, [REACTOR_BIN, '--ogate', 'http://127.0.0.1:1', '--token', 't', '--data-dir', join(dir, 'data'), '--listen', '[::1]:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
        const check = () => {
          const m = /reactor listening on (http:\/\/\[::1\]:\d+)/.exec(err);
          if (m) resolve(m[1]!);
          else setTimeout(check, 50);
        };
        check();
      });
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
