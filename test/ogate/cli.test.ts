/** The dinfra-ogate command line: --help everywhere, token create (--json), config errors naming the field. */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { verifyToken, tokenSecret } from '@dinfra/ogate';
import { OGATE_BIN, tempDir } from '../support/ogate.ts';

function ogate(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DINFRA_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [OGATE_BIN, ...args], { env: { ...base, ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('dinfra-ogate CLI', () => {
  it('--help on every command', async () => {
    for (const args of [['--help'], ['run', '--help'], ['token', '--help'], ['token', 'create', '--help']]) {
      const r = await ogate(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: dinfra-ogate/);
    }
    expect((await ogate(['run', '--help'])).stdout).toContain('--ipfs-repo');
  });

  it('token create prints a token (or JSON) that the data dir secret verifies', async () => {
    const dir = tempDir();
    const r = await ogate(['token', 'create', '--data-dir', dir, '--name', 'edge', '--types', 'substrate-node,cloud-init', '--ttl', '1h', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { token: string; name: string; types: string[]; expiresAt: string };
    expect(out).toMatchObject({ name: 'edge', types: ['substrate-node', 'cloud-init'] });
    expect(await verifyToken(tokenSecret(dir), out.token)).toMatchObject({ sub: 'edge', types: ['substrate-node', 'cloud-init'] });
    const plain = await ogate(['token', 'create', '--data-dir', dir, '--name', 'edge', '--types', 'cloud-init']);
    expect(plain.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const bad = await ogate(['token', 'create', '--data-dir', dir, '--name', 'edge', '--types', 'Bad Type']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--types');
  });

  it('run refuses a bad configuration, naming each field, and exits 2', async () => {
    const r = await ogate(['run', '--url', 'http://wrong', '--data-dir', tempDir(), '--listen', 'nope'], { DINFRA_OGATE_SURI: '//Bob' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('url: expected a ws:// or wss:// URL (flag --url, env DINFRA_OGATE_URL)');
    expect(r.stderr).toContain('listen: expected HOST:PORT');
    expect(r.stderr).not.toContain('//Bob');
  });
});
