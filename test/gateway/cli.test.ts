// dinfra-gateway's command line: --help, and bad flags or config exit 2 with a message naming the field.
import { describe, expect, it } from 'vitest';
import { configFile, runGateway } from './gateway-support.ts';

describe.concurrent('dinfra-gateway CLI', () => {
  it('--help lists the flags, the endpoints and an example', async () => {
    const r = await runGateway(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--upstream <url>', '--listen <host:port>', '--config <file>', '--archive', '--json-logs', '/health', '/metrics', '/status', '--pool <name=hosts>', '--admin-listen', 'SIGHUP', 'Examples:']) expect(r.stdout).toContain(flag);
  });

  it.each([
    ['no upstream', [], /invalid config: upstreams: at least one upstream/],
    ['an upstream of an undeclared pool', ['--upstream', 'kusama=ws://127.0.0.1:1'], /--upstream: pool "kusama" is not declared: add --pool kusama=HOST/],
    ['a malformed --pool', ['--pool', 'kusama', '--upstream', 'ws://127.0.0.1:1'], /--pool: "kusama" must be NAME=HOST/],
    ['a bad pool host', ['--pool', 'a=bad host', '--upstream', 'a=ws://127.0.0.1:1'], /pools\.0\.hosts\.0: must be a host name/],
    ['a host claimed by two pools', ['--pool', 'a=x.example.com', '--pool', 'b=x.example.com', '--upstream', 'a=ws://127.0.0.1:1'], /x\.example\.com already selects pool "a"/],
    ['an http:// upstream', ['--upstream', 'http://127.0.0.1:9944'], /invalid config: upstreams\.0: must be a ws:\/\/ or wss:\/\/ URL/],
    ['a bad --listen', ['--upstream', 'ws://127.0.0.1:1', '--listen', 'localhost'], /invalid config: listen: expected HOST:PORT/],
    ['a bad --health-interval', ['--upstream', 'ws://127.0.0.1:1', '--health-interval', 'soon'], /invalid config: health\.intervalMs: Expected number, received string/],
    ['an unknown flag', ['--upstreams', 'ws://127.0.0.1:1'], /unknown option '--upstreams'/],
  ])('exits 2 on %s, naming it', async (_label, args, message) => {
    const r = await runGateway(args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('listening');
  });

  it.each([
    ['a wrong type', 'upstreams: [ws://127.0.0.1:1]\nlimits:\n  maxBatch: many\n', /\(.*bad\.yaml\): limits\.maxBatch: Expected number, received string/],
    ['an unknown key', 'upstreams: [ws://127.0.0.1:1]\nhealth:\n  intervl: 100\n', /health: Unrecognized key\(s\) in object: 'intervl'/],
    ['a rate limit without burst', 'upstreams: [ws://127.0.0.1:1]\nlimits:\n  rateLimit:\n    perIp: { requestsPerSecond: 5 }\n', /limits\.rateLimit\.perIp\.burst: Required/],
    ['YAML that does not parse', 'upstreams: [ws://127.0.0.1:1\n', /--config: .*bad\.yaml is not valid YAML/],
  ])('exits 2 on a config file with %s, naming the field', async (_label, text, message) => {
    const r = await runGateway(['--config', configFile('bad.yaml', text)]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });
});
