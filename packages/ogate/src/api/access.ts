/** Token scoping: which deployments a token may see and report on. */
import type { Context } from 'openapi-backend';
import type { DeploymentRow } from '../store/deployment-row.ts';
import type { Store } from '../store/index.ts';
import type { TokenClaims } from './auth.ts';
import { forbidden, notFound } from './problem.ts';

export function claimsOf(c: Context): TokenClaims {
  return (c.security as { bearerAuth: TokenClaims }).bearerAuth;
}

/** A served deployment (descriptor verified) that the token covers; 404 / 403 otherwise. */
export function servedRow(store: Store, id: string, claims: TokenClaims): DeploymentRow {
  const row = store.deployments.get(id);
  if (!row || row.phase !== 'ready') throw notFound(`no deployment ${id} for this provider`);
  if (!claims.types.includes(row.type)) throw forbidden(`the token does not cover deployment type ${row.type}`);
  return row;
}

/** The types to list: the `type` query (must be covered) or all of the token's. */
export function typesOf(claims: TokenClaims, type: string | undefined): Set<string> {
  if (type === undefined) return new Set(claims.types);
  if (!claims.types.includes(type)) throw forbidden(`the token does not cover deployment type ${type}`);
  return new Set([type]);
}

/** A read-scoped token (a monitor's) sees no secrets. */
export function secretsFor(claims: TokenClaims, open: () => Record<string, string>): Record<string, string> {
  return claims.scope === 'read' ? {} : open();
}

/** Writes (reports, terminations) need a reactor token: a read-scoped one gets 403. */
export function requireWrite(claims: TokenClaims): void {
  if (claims.scope === 'read') throw forbidden('the token is read-only (scope "read"): it may not report or terminate');
}
