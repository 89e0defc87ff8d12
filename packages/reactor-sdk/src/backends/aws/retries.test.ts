// The SDK's own retries, as configured (maxAttempts), over a real socket: a local HTTP server
// answers every EC2 request with EC2's throttling error; the backend's answer is a retryable
// error after exactly maxAttempts requests, all of them counted by countApiCalls.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCatalog } from '../../launch/catalog.ts';
import { AwsBackend } from './aws-backend.ts';
import { countApiCalls } from './clients.ts';
import { parseAwsConfig } from './config.ts';
import { AwsRetryableError } from './errors.ts';

let server: Server;
let requests: string[] = [];
let answer: { status: number; code: string } = { status: 503, code: 'RequestLimitExceeded' };
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push(new URLSearchParams(body).get('Action') ?? '?');
      res.writeHead(answer.status, { 'content-type': 'text/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${answer.code}</Code><Message>${answer.code} (test)</Message></Error></Errors><RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const backend = (maxAttempts: number) =>
  new AwsBackend({
    config: parseAwsConfig({ region: 'us-east-1', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, images: { default: 'ami-0123456789abcdef0' }, instanceTypes: { medium: 'm6i.large' }, maxAttempts, retryMode: 'standard' }),
    provider: 'p',
    catalog: parseCatalog('chains: {}'),
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
const ctx = () => ({ signal: new AbortController().signal, log: { debug() {}, info() {}, warn() {}, error() {}, child() { return this; } }, attempt: 1, progress() {}, checkpoint: { get: () => undefined, set() {}, delete() {} } });

it('throttling: the SDK tries maxAttempts times, then the backend says retry later; every attempt is counted', async () => {
  requests = [];
  answer = { status: 503, code: 'RequestLimitExceeded' };
  const b = backend(2);
  const counter = countApiCalls(b.clients.ec2);
  const err = await b.list(ctx()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AwsRetryableError);
  expect((err as AwsRetryableError).code).toBe('AWS_THROTTLED');
  expect(requests).toEqual(['DescribeInstances', 'DescribeInstances']);
  expect(counter.calls.get('DescribeInstances')).toBe(2);
  await b.close();
});

it('a permission error is not retried by the SDK and is permanent', async () => {
  requests = [];
  answer = { status: 403, code: 'UnauthorizedOperation' };
  const b = backend(5);
  const err = await b.list(ctx()).catch((e: unknown) => e);
  expect((err as { code?: string }).code).toBe('AWS_UNAUTHORIZED');
  expect(requests).toHaveLength(1);
  await b.close();
});
