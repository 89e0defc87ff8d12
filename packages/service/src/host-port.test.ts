import { describe, expect, it } from 'vitest';
import { addressUrl, formatHostPort, hostPortSchema, HostPortError, parseHostPort } from './index.ts';

describe('HOST:PORT', () => {
  it.each([
    ['127.0.0.1:9000', '127.0.0.1', 9000],
    ['localhost:0', 'localhost', 0],
    ['[::1]:9000', '::1', 9000],
    ['[::]:65535', '::', 65535],
    ['[fe80::1%eth0]:80', 'fe80::1%eth0', 80],
    ['node-1.example.org:30333', 'node-1.example.org', 30333],
  ])('parses %s', (text, host, port) => {
    expect(parseHostPort(text)).toEqual({ host, port });
    expect(formatHostPort(host, port)).toBe(text);
    expect(hostPortSchema().safeParse(text).success).toBe(true);
  });

  it.each(['localhost', '::1:9000', '[::1]', '127.0.0.1:65536', '[127.0.0.1]:80', 'a b:1', ':80', 'host:-1', 'http://x:1'])('refuses %s', (text) => {
    expect(() => parseHostPort(text)).toThrow(HostPortError);
    const r = hostPortSchema('127.0.0.1:8420').safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/e\.g\. 127\.0\.0\.1:8420$/);
  });

  it('URLs bracket IPv6 hosts', () => {
    expect(addressUrl('http', '::1', 8420)).toBe('http://[::1]:8420');
    expect(addressUrl('ws', '127.0.0.1', 9944)).toBe('ws://127.0.0.1:9944');
  });
});
