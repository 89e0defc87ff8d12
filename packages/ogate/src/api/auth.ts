/**
 * Reactor tokens: HS256 JWTs (jose) with a secret generated into the data dir on first use.
 * Claims: `sub` (reactor name), `types` (deployment types it may see), `exp`, and `scope`:
 * `reactor` (the default, also when absent) or `read` (a monitor's: no secrets, no writes).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, jwtVerify } from 'jose';

export type TokenScope = 'reactor' | 'read';

export interface TokenClaims {
  sub: string;
  types: string[];
  exp: number;
  scope: TokenScope;
}

const SECRET_FILE = 'token-secret';
const ISSUER = 'dinfra-ogate';

export function tokenSecret(dataDir: string): Uint8Array {
  const file = join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** `30d`, `12h`, `15m`, `90s` or plain seconds -> seconds. */
export function parseTtl(ttl: string): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(ttl.trim());
  if (!m) throw new Error(`--ttl: expected a duration like 30d, 12h, 15m or 90s, got "${ttl}"`);
  const n = Number(m[1]);
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  if (n <= 0) throw new Error('--ttl: must be positive');
  return n * mult;
}

const TYPE_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function createToken(opts: { dataDir: string; name: string; types: string[]; ttlSeconds: number; scope?: TokenScope }): Promise<{ token: string; claims: TokenClaims }> {
  const scope = opts.scope ?? 'reactor';
  if (scope !== 'reactor' && scope !== 'read') throw new Error(`--scope: must be reactor or read, got "${String(scope)}"`);
  if (!opts.name.trim()) throw new Error('--name: must not be empty');
  if (!opts.types.length) throw new Error('--types: give at least one deployment type');
  for (const t of opts.types) if (!TYPE_RE.test(t)) throw new Error(`--types: "${t}" is not a deployment type name (a-z, 0-9, -)`);
  const exp = Math.floor(Date.now() / 1000) + opts.ttlSeconds;
  const token = await new SignJWT(scope === 'read' ? { types: opts.types, scope } : { types: opts.types })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(opts.name)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(tokenSecret(opts.dataDir));
  return { token, claims: { sub: opts.name, types: opts.types, exp, scope } };
}

/** The claims of a valid token, or undefined (bad signature, expired, malformed). */
export async function verifyToken(secret: Uint8Array, token: string): Promise<TokenClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.types) || typeof payload.exp !== 'number') return undefined;
    if (!payload.types.every((t): t is string => typeof t === 'string')) return undefined;
    const scope = payload.scope ?? 'reactor';
    if (scope !== 'reactor' && scope !== 'read') return undefined;
    return { sub: payload.sub, types: payload.types, exp: payload.exp, scope };
  } catch {
    return undefined;
  }
}
