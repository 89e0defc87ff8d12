import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireWrite, secretsFor } from './access.ts';
import { createToken, tokenSecret, verifyToken } from './auth.ts';

describe('token scope', () => {
  it('a read token verifies with scope "read"; a token without the claim is a reactor token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogate-scope-'));
    const read = await createToken({ dataDir: dir, name: 'monitor', types: ['substrate-node'], ttlSeconds: 60, scope: 'read' });
    const reactor = await createToken({ dataDir: dir, name: 'r', types: ['substrate-node'], ttlSeconds: 60 });
    expect((await verifyToken(tokenSecret(dir), read.token))?.scope).toBe('read');
    expect((await verifyToken(tokenSecret(dir), reactor.token))?.scope).toBe('reactor');
    expect(JSON.parse(Buffer.from(reactor.token.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('scope');
    await expect(createToken({ dataDir: dir, name: 'x', types: ['a'], ttlSeconds: 1, scope: 'admin' as 'read' })).rejects.toThrow(/--scope/);
  });

  it('a read token sees no secrets and may not write', () => {
    const base = { sub: 'm', types: ['substrate-node'], exp: 0 };
    expect(secretsFor({ ...base, scope: 'read' }, () => ({ K: 'v' }))).toEqual({});
    expect(secretsFor({ ...base, scope: 'reactor' }, () => ({ K: 'v' }))).toEqual({ K: 'v' });
    expect(() => requireWrite({ ...base, scope: 'read' })).toThrow(/read-only/);
    expect(() => requireWrite({ ...base, scope: 'reactor' })).not.toThrow();
  });
});
