/**
 * The request check of `ApiServer.verifyRequest`: a known command, `apiKey` and `signature`
 * present, with signatureversion 3 an `expires` that parses and is not past (and, when the
 * emulator is told so, not too far ahead), a known API key, and the HMAC-SHA1 signature of the
 * sorted, Java-encoded, lower-cased parameters. Any failure is the same 401 as the server's.
 */
import { parseExpires, signatureMatches, signParams } from '../signing.ts';
import type { Account } from './model.ts';
import type { EmulatorState } from './state.ts';

export type VerifyResult = { ok: true; account: Account } | { ok: false; reason: string };

/** Looks a parameter up by name, ignoring case (as the server does for these four). */
function getIgnoreCase(params: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = Object.keys(params).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : params[key];
}

export function verifyRequest(state: EmulatorState, params: Readonly<Record<string, string>>, knownCommand: (name: string) => boolean): VerifyResult {
  const command = params.command;
  if (command === undefined) return { ok: false, reason: 'missing command' };
  if (!knownCommand(command)) return { ok: false, reason: `the command ${command} does not exist` };
  const signature = getIgnoreCase(params, 'signature');
  const apiKey = getIgnoreCase(params, 'apikey');
  if (signature === undefined || apiKey === undefined) return { ok: false, reason: 'missing signature or apiKey' };
  if (getIgnoreCase(params, 'signatureversion') === '3') {
    const expiresRaw = getIgnoreCase(params, 'expires');
    if (expiresRaw === undefined) return { ok: false, reason: 'missing expires' };
    const expires = parseExpires(expiresRaw);
    if (!expires) return { ok: false, reason: `malformed expires ${expiresRaw}` };
    const now = state.now();
    if (expires.getTime() < now) return { ok: false, reason: 'request expired' };
    const ahead = state.options.maxExpiresAheadMs;
    if (ahead !== undefined && expires.getTime() - now > ahead) return { ok: false, reason: 'expires too far ahead' };
  }
  const account = state.accounts.get(apiKey);
  if (!account) return { ok: false, reason: 'unknown apiKey' };
  if (!signatureMatches(signature, signParams(params, account.secretKey))) return { ok: false, reason: 'signature mismatch' };
  return { ok: true, account };
}
