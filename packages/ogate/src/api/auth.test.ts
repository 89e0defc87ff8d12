import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken, parseTtl, tokenSecret, verifyToken } from './auth.ts';

describe('reactor tokens', () => {
  it('parses TTLs and refuses nonsense', () => {
    expect(parseTtl('30d')).toBe(30 * 86400);
    expect(parseTtl('12h')).toBe(43200);
    expect(parseTtl('90')).toBe(90);
    expect(() => parseTtl('soon')).toThrow(/--ttl/);
    expect(() => parseTtl('0s')).toThrow(/positive/);
  });

  it('mints HS256 tokens with sub/types/exp; the secret is generated once, private to the owner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogate-auth-'));
    const { token, claims } = await createToken({ dataDir: dir, name: 'r1', types: ['substrate-node'], ttlSeconds: 60 });
    expect(statSync(join(dir, 'token-secret')).mode & 0o777).toBe(0o600);
    const secret = tokenSecret(dir);
    expect(await verifyToken(secret, token)).toEqual(claims);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'HS256' });
    // Another data dir's secret, a tampered payload, garbage: refused.
    const other = tokenSecret(mkdtempSync(join(tmpdir(), 'ogate-auth-')));
    expect(await verifyToken(other, token)).toBeUndefined();
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, types: ['cloud-init'], iss: 'dinfra-ogate' })).toString('base64url');
    expect(await verifyToken(secret, `${h}.${forged}.${s}`)).toBeUndefined();
    expect(await verifyToken(secret, 'x.y.z')).toBeUndefined();
  });

  it('refuses bad names and types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogate-auth-'));
    await expect(createToken({ dataDir: dir, name: ' ', types: ['a'], ttlSeconds: 1 })).rejects.toThrow(/--name/);
    await expect(createToken({ dataDir: dir, name: 'r', types: [], ttlSeconds: 1 })).rejects.toThrow(/--types/);
    await expect(createToken({ dataDir: dir, name: 'r', types: ['Bad Type'], ttlSeconds: 1 })).rejects.toThrow(/not a deployment type/);
  });
});
