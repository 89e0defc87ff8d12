import { hostName } from '../pools/pool-router.ts';

/** JSON-RPC error code of a request to a host (or path) that no pool serves. */
export const UNKNOWN_HOST_CODE = -32004;

/** The error a request to an unknown host gets: it says what the gateway does serve. */
export function unknownHostError(hostHeader: string | undefined, served: string): { code: number; message: string } {
  const host = hostName(hostHeader) || '(no Host header)';
  return { code: UNKNOWN_HOST_CODE, message: `no chain is served at host "${host}" on this gateway; it serves: ${served}` };
}
