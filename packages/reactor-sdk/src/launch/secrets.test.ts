import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PermanentBackendError } from '../backend.ts';
import { SecretNameError } from './errors.ts';
import { SECRETS_PATH, withSecrets } from './secrets.ts';

const CLOUD_INIT = '/usr/bin/cloud-init';
const secrets = { NODE_KEY: '0x' + 'ab'.repeat(32), API_TOKEN: 'a "quoted" value\nwith a newline' };

function schemaOk(text: string): void {
  if (!existsSync(CLOUD_INIT)) {
    if (process.env.CI === 'true') throw new Error('PEER MISSING: cloud-init — required under CI=true');
    return console.warn('!!! PEER MISSING: cloud-init: schema check skipped (node scripts/peers.mjs cloud-init)');
  }
  const f = join(mkdtempSync(join(tmpdir(), 'dinfra-secrets-')), 'ud');
  writeFileSync(f, text);
  const r = spawnSync(CLOUD_INIT, ['schema', '--config-file', f], { encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
}

describe('secrets in user data', () => {
  it('no secrets: the user data is untouched', () => {
    expect(withSecrets('#!/bin/sh\necho hi\n', {}, 'r')).toBe('#!/bin/sh\necho hi\n');
  });

  it('cloud-config: a 0600 root file in write_files, next to the existing ones; still valid', () => {
    const ud = '#cloud-config\nwrite_files:\n  - path: /etc/motd\n    content: hello\nruncmd: [[echo, hi]]\n';
    const out = withSecrets(ud, secrets, 'r');
    const doc = parse(out) as { write_files: Array<Record<string, string>>; runcmd: unknown };
    expect(doc.write_files.map((f) => f.path)).toEqual(['/etc/motd', SECRETS_PATH]);
    expect(doc.write_files[1]).toMatchObject({ owner: 'root:root', permissions: '0600' });
    expect(doc.write_files[1]!.content).toBe(`NODE_KEY="${secrets.NODE_KEY}"\nAPI_TOKEN=${JSON.stringify(secrets.API_TOKEN)}\n`);
    expect(doc.runcmd).toEqual([['echo', 'hi']]);
    expect(out.match(/#cloud-config/g)).toHaveLength(1);
    schemaOk(out);
  });

  it('a shell script: a MIME multi-part archive with the script and a cloud-config part; deterministic (same ClientToken parameters)', () => {
    const out = withSecrets('#!/bin/sh\necho hi\n', secrets, 'r');
    expect(out).toMatch(/^Content-Type: multipart\/mixed; boundary="dinfra-[0-9a-f]{32}"/);
    expect(out).toContain('Content-Type: text/x-shellscript');
    expect(out).toContain('#!/bin/sh\necho hi\n');
    expect(out).toContain(`path: ${SECRETS_PATH}`);
    expect(withSecrets('#!/bin/sh\necho hi\n', secrets, 'r')).toBe(out);
    // Split as cloud-init does (Python's email package), then check the cloud-config part.
    const py = spawnSync('python3', ['-c', 'import email,json,sys; m=email.message_from_string(sys.stdin.read()); print(json.dumps([[p.get_content_type(), p.get_payload(decode=True).decode()] for p in m.walk() if not p.is_multipart()]))'], { input: out, encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    const parts = JSON.parse(py.stdout) as Array<[string, string]>;
    expect(parts.map(([t]) => t)).toEqual(['text/x-shellscript', 'text/cloud-config']);
    expect(parts[0]![1]).toBe('#!/bin/sh\necho hi\n');
    expect((parse(parts[1]![1]) as { write_files: Array<{ content: string }> }).write_files[0]!.content).toContain(`NODE_KEY="${secrets.NODE_KEY}"`);
    schemaOk(parts[1]![1]);
  });

  it('a secret name that cannot be a variable is refused, permanently', () => {
    expect(() => withSecrets('#cloud-config\n{}\n', { 'bad-name': 'x' }, 'r')).toThrow(PermanentBackendError);
    expect(() => withSecrets('#cloud-config\n{}\n', { 'bad-name': 'x' }, 'r')).toThrow(SecretNameError);
  });
});
