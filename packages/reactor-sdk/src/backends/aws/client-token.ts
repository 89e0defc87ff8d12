import { createHash } from 'node:crypto';
import type { ResourceKey } from '../../backend.ts';

/** EC2 accepts at most 64 ASCII characters as a RunInstances ClientToken. */
export const CLIENT_TOKEN_MAX = 64;

/**
 * The RunInstances ClientToken for one launch of one deployment: a hash of provider,
 * subscription id, generation and launch number, so a reactor that restarts anywhere sends
 * the same token and EC2 returns the instance it already launched instead of a second one.
 *
 * `dinfra-` + 56 hex chars of SHA-256 = 63 characters (the limit is 64): long provider
 * addresses cannot overflow it, and 224 bits leave no room for collisions. `launch` starts
 * at 1; it is raised only when EC2 answers a token with an instance that is already
 * terminated (EC2 remembers tokens after termination), so a deployment can be launched anew.
 */
export function clientToken(key: ResourceKey, launch = 1): string {
  const h = createHash('sha256').update(`dinfra-ec2\0${key.provider}\0${key.id}\0${key.generation}\0${launch}`).digest('hex');
  const token = `dinfra-${h.slice(0, 56)}`;
  if (token.length > CLIENT_TOKEN_MAX) throw new Error('unreachable: client token too long');
  return token;
}
