import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { CHECK_NAMES, type CheckResult } from '../checks/types.ts';
import { ApiRequestError } from '../errors.ts';
import { verify } from './signing.ts';

const MAX_SKEW_MS = 5 * 60_000;

const resultSchema = z
  .object({
    target: z.string().min(1).max(128),
    location: z.string().min(1).max(128),
    at: z.number().int(),
    status: z.enum(['up', 'degraded', 'down']),
    failures: z.array(z.object({ check: z.enum(CHECK_NAMES), message: z.string().max(2000) })),
    best: z.number().int().optional(),
    finalized: z.number().int().optional(),
    headLag: z.number().int().optional(),
    finalityLag: z.number().int().optional(),
    peers: z.number().int().optional(),
    genesis: z.string().optional(),
    latencies: z.record(z.number()),
    upstreams: z.array(z.object({ name: z.string(), usable: z.boolean(), reasons: z.array(z.string()) })).optional(),
  })
  .strip();
const pushSchema = z.object({ location: z.string().min(1), results: z.array(resultSchema).max(1000) }).strict();

/**
 * Checks a push from another location (`POST /api/results`): a known location, a fresh timestamp,
 * a valid HMAC over timestamp and body, and every result from that location. Returns the results.
 */
export function acceptPush(req: IncomingMessage, raw: string, secrets: Record<string, string>, now: number): CheckResult[] {
  const location = String(req.headers['x-dinfra-location'] ?? '');
  const ts = Number(req.headers['x-dinfra-timestamp']);
  const sig = String(req.headers['x-dinfra-signature'] ?? '');
  const secret = secrets[location];
  if (!secret) throw new ApiRequestError(401, `unknown location "${location}" (locations.secrets)`);
  if (!Number.isFinite(ts) || Math.abs(now - ts) > MAX_SKEW_MS) throw new ApiRequestError(401, 'x-dinfra-timestamp missing or more than 5 minutes off');
  if (!verify(secret, ts, raw, sig)) throw new ApiRequestError(401, 'bad x-dinfra-signature');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiRequestError(400, 'body is not JSON');
  }
  const parsed = pushSchema.safeParse(body);
  if (!parsed.success) throw new ApiRequestError(400, `${parsed.error.issues[0]!.path.join('.') || 'body'}: ${parsed.error.issues[0]!.message}`);
  if (parsed.data.location !== location || parsed.data.results.some((r) => r.location !== location)) throw new ApiRequestError(400, `results must all come from location "${location}"`);
  return parsed.data.results as CheckResult[];
}
