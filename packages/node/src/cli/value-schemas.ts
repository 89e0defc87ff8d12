import { z } from 'zod';

/** A decimal integer given as text, within [min, max]. */
export const intArg = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `expected an integer between ${min} and ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `expected an integer between ${min} and ${max}` })
        .max(max, { message: `expected an integer between ${min} and ${max}` }),
    );

export const portArg = () => intArg(0, 65535);

/** One of a fixed set of words. */
export const choiceArg = <const T extends [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: `expected one of: ${values.join(', ')}` }) });

const HOST = '(?:ip4|ip6|dns|dns4|dns6)/[^/]+';
const LISTEN_ADDR = new RegExp(`^/${HOST}/tcp/(\\d{1,5})(?:/ws)?$`);
const PEER_ADDR = new RegExp(`^/${HOST}/tcp/(\\d{1,5})(?:/wss?)?/p2p/[1-9A-HJ-NP-Za-km-z]{32,}$`);

const multiaddr = (pattern: RegExp, shape: string) =>
  z.string().refine((s) => {
    const m = pattern.exec(s);
    return m !== null && Number(m[1]) <= 65535;
  }, { message: `expected a multiaddr like ${shape}` });

export const listenAddrArg = () => multiaddr(LISTEN_ADDR, '/ip4/127.0.0.1/tcp/30333/ws');
export const peerAddrArg = () => multiaddr(PEER_ADDR, '/ip4/127.0.0.1/tcp/30333/ws/p2p/12D3KooW...');

/** An ed25519 node key secret: 32 bytes as 64 hex digits, 0x optional. */
export const nodeKeyArg = () =>
  z
    .string()
    .regex(/^(0x)?[0-9a-fA-F]{64}$/, { message: 'expected 32 bytes as 64 hex digits' })
    .transform((s) => s.replace(/^0x/, '').toLowerCase());

export const wsUrlArg = () =>
  z.string().regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/, { message: 'expected a ws:// or wss:// URL' });

const LOG_DIRECTIVE = /^(?:[A-Za-z0-9_:.-]+(?:=(?:error|warn|info|debug|trace|off))?|error|warn|info|debug|trace|off)$/;

/** `-l` patterns: `info`, `runtime=debug,sync=trace`; repeated flags are joined with commas. */
export const logArg = () =>
  z
    .array(z.string())
    .transform((parts) => parts.flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== ''))
    .refine((parts) => parts.every((p) => LOG_DIRECTIVE.test(p)), {
      message: 'expected log directives like "info" or "runtime=debug,sync=trace"',
    })
    .transform((parts) => parts.join(','));

/** `all`, or a comma-separated list of origins. */
export const corsArg = () =>
  z
    .string()
    .min(1, { message: 'expected "all" or a comma-separated list of origins' })
    .transform((s): 'all' | string[] =>
      s === 'all' || s === '*' ? 'all' : s.split(',').map((o) => o.trim()).filter((o) => o !== ''),
    );
