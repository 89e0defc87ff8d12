// docker-compose.yml: no Docker engine runs here, so the file is checked three ways: by
// docker-compose itself (`config`, Debian's 1.29), against the compose-spec JSON Schema that
// docker-compose ships, and against the repository (every command, config file, port and
// path it names exists and is accepted by the service that reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '@dinfra/ogate';
import { compileConfig, loadCatalog } from '@dinfra/reactor-sdk';
import { peer } from '../support/peers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMPOSE = join(ROOT, 'docker-compose.yml');
const SPEC = '/usr/lib/python3/dist-packages/compose/config/compose_spec.json';
const ENV = { DINFRA_OPERATOR_PASSWORD: 'pw', DINFRA_REACTOR_TOKEN: 'token', PATH: process.env.PATH ?? '' };

const dockerCompose = peer('docker-compose');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  ports?: (string | { target: number; published: number })[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  volumes?: (string | { source: string; target: string })[];
}

function composeConfig(env: Record<string, string>): { status: number; out: string; err: string } {
  const r = spawnSync(dockerCompose!, ['-f', COMPOSE, 'config'], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status ?? 1, out: r.stdout, err: r.stderr };
}

/** The value after `flag` in a command. */
const flagValue = (cmd: string[], flag: string): string | undefined => {
  const i = cmd.indexOf(flag);
  return i >= 0 ? cmd[i + 1] : undefined;
};

/** The shipped schema still marks subschemas with draft-04 `id` pointers; ajv wants none. */
function dropDraft4Ids(node: unknown, underProperties = false): void {
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (!underProperties && typeof obj.id === 'string') delete obj.id;
  for (const [key, child] of Object.entries(obj)) dropDraft4Ids(child, key === 'properties' && !underProperties);
}

describe.skipIf(!dockerCompose)('docker-compose.yml', () => {
  const resolved = () => {
    const r = composeConfig(ENV);
    expect(r.status, r.err).toBe(0);
    return parseYaml(r.out) as { services: Record<string, Service>; secrets: Record<string, unknown>; volumes: Record<string, unknown> };
  };

  it('is accepted by docker-compose config and holds the production shape', () => {
    const doc = resolved();
    expect(Object.keys(doc.services).sort()).toEqual(['chain-author', 'chain-follower', 'kubo', 'ogate', 'reactor']);
    for (const [name, svc] of Object.entries(doc.services)) expect(svc.healthcheck?.test, `${name} has a healthcheck`).toBeDefined();
    for (const [name, svc] of Object.entries(doc.services)) {
      for (const dep of Object.keys(svc.depends_on ?? {})) {
        expect(svc.depends_on![dep]!.condition, `${name} waits for ${dep} to be healthy`).toBe('service_healthy');
        expect(doc.services[dep]?.healthcheck, `${dep} (a dependency of ${name}) has a healthcheck`).toBeDefined();
      }
    }
  });

  it('refuses to start without the operator password or the reactor token, naming the variable', () => {
    const noToken = composeConfig({ ...ENV, DINFRA_REACTOR_TOKEN: '' });
    expect(noToken.status).not.toBe(0);
    expect(noToken.err).toMatch(/DINFRA_REACTOR_TOKEN/);
    const noPassword = composeConfig({ PATH: ENV.PATH, DINFRA_REACTOR_TOKEN: 't' });
    expect(noPassword.status).not.toBe(0);
    expect(noPassword.err).toMatch(/DINFRA_OPERATOR_PASSWORD/);
  });

  it('conforms to the compose-spec JSON Schema', () => {
    expect(existsSync(SPEC), `${SPEC} (shipped by Debian's docker-compose)`).toBe(true);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const spec = JSON.parse(readFileSync(SPEC, 'utf8'));
    delete spec.$schema;
    dropDraft4Ids(spec);
    const validate = ajv.compile(spec);
    const raw = parseYaml(readFileSync(COMPOSE, 'utf8'), { merge: true });
    expect(validate(raw), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The check can fail: a misspelt key is refused.
    expect(validate({ ...raw, services: { ...raw.services, ogate: { ...raw.services.ogate, healthchek: {} } } })).toBe(false);
  });

  it('names only commands, files and ports that exist in the repository', () => {
    const doc = resolved();
    const dockerfile = join(ROOT, 'deploy/Dockerfile');
    const copies = [...readFileSync(dockerfile, 'utf8').matchAll(/^COPY (.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    for (const src of copies) expect(existsSync(join(ROOT, src)), `Dockerfile COPY ${src}`).toBe(true);
    for (const [name, svc] of Object.entries(doc.services)) {
      if (svc.build) {
        expect(svc.build.context).toBe(ROOT.replace(/\/$/, ''));
        expect(existsSync(join(ROOT, svc.build.dockerfile)), `${name}: ${svc.build.dockerfile}`).toBe(true);
      }
      const cmd = svc.command ?? [];
      if (cmd[0] === 'node') expect(existsSync(join(ROOT, cmd[1]!)), `${name}: ${cmd[1]}`).toBe(true);
      for (const flag of ['--config', '--chains']) {
        const file = flagValue(cmd, flag);
        if (file) expect(existsSync(join(ROOT, file)), `${name}: ${flag} ${file}`).toBe(true);
      }
      const published = (svc.ports ?? []).map((p) => (typeof p === 'string' ? Number(p.split(':').pop()) : p.target));
      const listen = flagValue(cmd, '--listen') ?? (flagValue(cmd, '--rpc-port') ? `0.0.0.0:${flagValue(cmd, '--rpc-port')}` : undefined);
      if (listen) expect(published, `${name} publishes the port it listens on (${listen})`).toContain(Number(listen.split(':').pop()));
      const health = (svc.healthcheck?.test ?? []).join(' ');
      const healthPort = /127\.0\.0\.1:(\d+)/.exec(health)?.[1];
      const servedPorts = [listen, flagValue(cmd, '--prometheus-port')].filter(Boolean).map((v) => Number(String(v).split(':').pop()));
      if (healthPort) expect(servedPorts, `${name}: the healthcheck probes a port the service serves`).toContain(Number(healthPort));
    }
    // Services reach each other by the names and ports the other side listens on.
    expect(flagValue(doc.services.ogate!.command!, '--url')).toBe('ws://chain-follower:9944');
    expect(flagValue(doc.services['chain-follower']!.command!, '--sync-from')).toBe('ws://chain-author:9944');
    expect(flagValue(doc.services.reactor!.command!, '--ogate')).toBe(`http://ogate:${flagValue(doc.services.ogate!.command!, '--listen')!.split(':')[1]}`);
  });

  it('hands each service configuration files it accepts', () => {
    const doc = resolved();
    const ogate = doc.services.ogate!.command!;
    const cfg = loadConfig({
      file: join(ROOT, flagValue(ogate, '--config')!),
      flags: { url: flagValue(ogate, '--url'), dataDir: '/data', listen: flagValue(ogate, '--listen'), ipfsApi: flagValue(ogate, '--ipfs-api') },
      env: doc.services.ogate!.environment as NodeJS.ProcessEnv,
    });
    expect(cfg.keystore).toBe('/run/secrets/operator-keystore');
    const reactor = doc.services.reactor!.command!;
    const file = parseYaml(readFileSync(join(ROOT, flagValue(reactor, '--config')!), 'utf8')) as Record<string, unknown>;
    const rc = compileConfig({ ogate: flagValue(reactor, '--ogate'), backend: flagValue(reactor, '--backend'), dataDir: '/data', listen: flagValue(reactor, '--listen') }, file, { DINFRA_REACTOR_TOKEN: 't' });
    expect(rc.backend).toBe('local');
    expect(() => loadCatalog(join(ROOT, flagValue(reactor, '--chains')!))).not.toThrow();
  });
});
