/**
 * `HOST:PORT` as every service takes it: a name, an IPv4 address or a bracketed IPv6 address
 * (`[::1]:9000`), and a port 0..65535 (0: any free port).
 */
import { z } from 'zod';

/** A `HOST:PORT` that cannot be used. */
export class HostPortError extends Error {
  static readonly errorName = 'HostPortError';
  override readonly name = 'HostPortError';
  readonly code = 'SERVICE_HOST_PORT_INVALID';
}

export interface HostPort {
  /** Host as `listen()` and `connect()` take it: IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
}

const PATTERN = /^(?:\[([0-9a-fA-F:.]+(?:%[\w.-]+)?)\]|([^\s:[\]/]+)):(\d{1,5})$/;

/** The reason `text` is not a `HOST:PORT`, or undefined when it is one. */
function problem(text: string): string | undefined {
  const m = PATTERN.exec(text);
  if (!m) return 'expected HOST:PORT (IPv6 in brackets: [::1]:9000)';
  if (Number(m[3]) > 65535) return 'port must be 0..65535';
  if (m[1] !== undefined && !m[1].includes(':')) return 'only an IPv6 address goes in brackets';
  return undefined;
}

/** Parses `HOST:PORT`; IPv6 comes back without brackets. */
export function parseHostPort(text: string): HostPort {
  const why = problem(text);
  if (why) throw new HostPortError(`${JSON.stringify(text)}: ${why}`);
  const m = PATTERN.exec(text)!;
  return { host: m[1] ?? m[2]!, port: Number(m[3]) };
}

/** `HOST:PORT` for a host and port (an IPv6 host in brackets). */
export function formatHostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A URL for a bound socket address: `http://[::1]:9000`. */
export function addressUrl(scheme: string, host: string, port: number): string {
  return `${scheme}://${formatHostPort(host, port)}`;
}

/** zod schema of a `HOST:PORT` string (kept as written; parse it with `parseHostPort`). */
export const hostPortSchema = (example = '127.0.0.1:9000') =>
  z.string().superRefine((v, ctx) => {
    const why = problem(v);
    if (why) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${why}, e.g. ${example}` });
  });
